using System.Text.Json;
using PipelineGuard.Model;

namespace PipelineGuard.Engine;

/// <summary>One recorded finding: matched by rule, file and fingerprint, never by line.</summary>
internal sealed record BaselineEntry(string RuleId, string File, string Fingerprint, string Message);

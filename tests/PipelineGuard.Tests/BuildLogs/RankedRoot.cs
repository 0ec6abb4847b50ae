using PipelineGuard.Model;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>The single error of a log: its rule, line, message, and the finding itself (for its related spec lines).</summary>
internal sealed record RankedRoot(string Rule, int Line, string Message, Finding Finding);

using PipelineGuard.Model;

namespace PipelineGuard.Engine.Fixes;

/// <summary>A finding whose fix is not applied, and why (the user sees each one).</summary>
internal sealed record SkippedFix(Finding Finding, string Reason);

namespace PipelineGuard.Model;

/// <summary>A finding that a comment or the baseline suppressed, with the reason given (shown in JSON and SARIF).</summary>
internal sealed record SuppressedFinding(Finding Finding, SuppressionKind Kind, string? Reason);

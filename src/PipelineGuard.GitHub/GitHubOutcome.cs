namespace PipelineGuard.GitHub;

/// <summary>What the GitHub step left to the caller: the (possibly filtered) result, and whether the API refused so
/// that the findings must be written as workflow commands instead.</summary>
internal sealed record GitHubOutcome(Reporting.CheckResult Result, bool FallBackToWorkflowCommands);

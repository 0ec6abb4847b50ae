namespace PipelineGuard.GitHub;

/// <summary>The GitHub flags of <c>check</c> (docs/ci/github-api.md).</summary>
internal sealed record GitHubRequest(bool Checks, bool Review, bool OnlyChanged, string? DiffBase, string? Token)
{
    public bool Any => Checks || Review || OnlyChanged || !string.IsNullOrEmpty(DiffBase);
}

/// <summary>What the GitHub step left to the caller: the (possibly filtered) result, and whether the API refused so
/// that the findings must be written as workflow commands instead.</summary>
internal sealed record GitHubOutcome(Reporting.CheckResult Result, bool FallBackToWorkflowCommands);

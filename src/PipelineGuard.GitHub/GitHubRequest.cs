namespace PipelineGuard.GitHub;

/// <summary>The GitHub flags of <c>check</c> (docs/ci/github-api.md).</summary>
internal sealed record GitHubRequest(bool Checks, bool Review, bool OnlyChanged, string? DiffBase, string? Token)
{
    public bool Any => Checks || Review || OnlyChanged || !string.IsNullOrEmpty(DiffBase);
}

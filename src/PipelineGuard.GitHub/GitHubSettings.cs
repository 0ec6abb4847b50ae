namespace PipelineGuard.GitHub;

/// <summary>
/// Where and as whom to talk to GitHub, read from what GitHub Actions sets (docs/ci/github-api.md):
/// <c>GITHUB_API_URL</c>, <c>GITHUB_REPOSITORY</c>, the event payload at <c>GITHUB_EVENT_PATH</c>, and the token.
/// </summary>
internal sealed record GitHubSettings(Uri ApiUrl, string Owner, string Repository, string? Token, string HeadSha)
{
    /// <summary>The pull request number when the event is a pull request (<c>pull_request</c>, <c>pull_request_target</c>).</summary>
    public int? PullRequest { get; init; }

    /// <summary>True when the PR's head lives in another repository: its token is read-only there.</summary>
    public bool FromFork { get; init; }

    /// <summary>Where the check run's "Details" link points: the workflow run, when known.</summary>
    public string? DetailsUrl { get; init; }

    /// <summary>The repository root on disk (<c>GITHUB_WORKSPACE</c>), which API paths are relative to; null: the working directory.</summary>
    public string? Workspace { get; init; }

    public static readonly Uri DefaultApiUrl = new("https://api.github.com");

    public override string ToString() => $"{Owner}/{Repository}@{HeadSha}"; // never the token
}

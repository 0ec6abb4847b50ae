namespace PipelineGuard.AzureDevOps;

/// <summary>
/// Which pull request to talk to and as whom, read from the agent's predefined variables
/// (https://learn.microsoft.com/en-us/azure/devops/pipelines/build/variables): the collection URL, the project and
/// repository IDs, the pull request's ID and the job's access token.
/// </summary>
internal sealed record AzureReposSettings(Uri CollectionUrl, string ProjectId, string RepositoryId, int PullRequestId, string Token)
{
    /// <summary>The repository root on disk (<c>BUILD_SOURCESDIRECTORY</c>), which thread paths are relative to; null: the working directory.</summary>
    public string? SourcesDirectory { get; init; }

    /// <summary>The PR's target branch without <c>refs/heads/</c>, to diff against when the merge commit's parent is missing.</summary>
    public string? TargetBranch { get; init; }

    /// <summary>The build's results page, for the PR status's link; null when the agent does not say.</summary>
    public string? BuildUrl { get; init; }

    public override string ToString() => $"{CollectionUrl}{ProjectId}/{RepositoryId}!{PullRequestId}"; // never the token
}

namespace PipelineGuard.AzureDevOps.Api;

/// <summary>
/// A pull-request status (GitPullRequestStatus, https://learn.microsoft.com/en-us/rest/api/azure/devops/git/pull-request-statuses/create):
/// state succeeded or failed, a one-line description and a link.
/// </summary>
internal sealed record PullRequestStatus(string State, string Description, StatusContext Context, string? TargetUrl);

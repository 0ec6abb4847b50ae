namespace PipelineGuard.AzureDevOps.Api;

/// <summary>The envelope of a list answer: <c>{"value": [...], "count": n}</c>.</summary>
internal sealed record ThreadList(IReadOnlyList<PullRequestThread>? Value);

using System.Text.Json.Serialization;

namespace PipelineGuard.AzureDevOps.Api;

/// <summary>
/// A pull-request thread (GitPullRequestCommentThread,
/// https://learn.microsoft.com/en-us/rest/api/azure/devops/git/pull-request-threads). A thread without
/// <see cref="ThreadContext"/> is a general comment on the PR, which is how the summary thread is posted.
/// </summary>
internal sealed record PullRequestThread
{
    /// <summary>Given by the server; left out of a new thread's body.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Id { get; init; }

    /// <summary>active, fixed, wontFix, closed, byDesign or pending; older servers may send the enum's number.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Status { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsDeleted { get; init; }

    public IReadOnlyList<ThreadComment>? Comments { get; init; }

    public ThreadContext? ThreadContext { get; init; }
}

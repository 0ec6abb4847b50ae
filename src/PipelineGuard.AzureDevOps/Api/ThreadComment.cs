using System.Text.Json.Serialization;

namespace PipelineGuard.AzureDevOps.Api;

/// <summary>One comment of a thread (Comment). <c>parentCommentId</c> 0 makes it the thread's first comment.</summary>
internal sealed record ThreadComment
{
    public int? Id { get; init; }

    public int? ParentCommentId { get; init; }

    public string? Content { get; init; }

    /// <summary>"text" for people's words; "system" and "codeChange" are Azure Repos' own.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? CommentType { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsDeleted { get; init; }
}

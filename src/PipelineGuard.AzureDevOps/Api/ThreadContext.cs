namespace PipelineGuard.AzureDevOps.Api;

/// <summary>
/// Where a thread sits (CommentThreadContext): a repository path with a leading '/', and a range on the right side
/// of the diff, the PR's new text.
/// </summary>
internal sealed record ThreadContext(string FilePath, FilePosition? RightFileStart, FilePosition? RightFileEnd);

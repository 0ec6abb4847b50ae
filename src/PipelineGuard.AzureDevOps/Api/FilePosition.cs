namespace PipelineGuard.AzureDevOps.Api;

/// <summary>A place in a file as threads speak it: 1-based line and 1-based character offset (CommentPosition).</summary>
internal sealed record FilePosition(int Line, int Offset);

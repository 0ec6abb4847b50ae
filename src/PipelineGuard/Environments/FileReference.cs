using PipelineGuard.Model;

namespace PipelineGuard.Environments;

/// <summary>A path written in one file that names another file or folder (<c>conda_file</c>, <c>build.path</c>, <c>-r</c>, …).</summary>
internal sealed record FileReference(SourceSpan Span, string What, string Text, string? FullPath, ReferenceStatus Status)
{
    /// <summary>For <see cref="ReferenceStatus.Refused"/>: why, as the end of a sentence that starts with the path.</summary>
    public string? Refusal { get; init; }
}

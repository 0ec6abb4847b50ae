using PipelineGuard.Model;

namespace PipelineGuard.Environments;

internal enum ReferenceStatus
{
    Exists,
    Missing,
    OutsideRoot,

    /// <summary>A template placeholder (<c>{{…}}</c>) or a URL: nothing to check on disk.</summary>
    NotChecked,
}

/// <summary>A path written in one file that names another file or folder (<c>conda_file</c>, <c>build.path</c>, <c>-r</c>, …).</summary>
internal sealed record FileReference(SourceSpan Span, string What, string Text, string? FullPath, ReferenceStatus Status);

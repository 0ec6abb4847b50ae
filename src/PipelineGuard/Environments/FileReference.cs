using PipelineGuard.Model;

namespace PipelineGuard.Environments;

internal enum ReferenceStatus
{
    Exists,
    Missing,
    OutsideRoot,

    /// <summary>
    /// Inside the root as written, but a symbolic link takes it out of the root, into a <c>.git</c> folder or round a
    /// loop: the guard refused it, and <see cref="FileReference.Refusal"/> says why.
    /// </summary>
    Refused,

    /// <summary>A template placeholder (<c>{{…}}</c>) or a URL: nothing to check on disk.</summary>
    NotChecked,
}

/// <summary>A path written in one file that names another file or folder (<c>conda_file</c>, <c>build.path</c>, <c>-r</c>, …).</summary>
internal sealed record FileReference(SourceSpan Span, string What, string Text, string? FullPath, ReferenceStatus Status)
{
    /// <summary>For <see cref="ReferenceStatus.Refused"/>: why, as the end of a sentence that starts with the path.</summary>
    public string? Refusal { get; init; }
}

namespace PipelineGuard.IO;

/// <summary>A path after <see cref="RepositoryFiles"/> followed every link in it: where it really leads, and whether that may be read.</summary>
internal readonly record struct GuardedPath(PathStatus Status, string RealPath)
{
    /// <summary>The guard refuses it: nothing of it is read, and only <see cref="Reason"/> may be reported.</summary>
    public bool IsRefused => Status is PathStatus.OutsideRoot or PathStatus.GitFolder or PathStatus.LinkLoop;

    /// <summary>Why a refused path is not read, as the end of a sentence that starts with the path ("… points outside …").</summary>
    public string Reason => Status switch
    {
        PathStatus.OutsideRoot => "points outside the repository (through a symbolic link); PipelineGuard never reads outside the repository root",
        PathStatus.GitFolder => "points into a .git folder, where the checkout keeps its credentials; PipelineGuard never reads it",
        PathStatus.LinkLoop => $"is a loop of symbolic links (or a chain of more than {RepositoryFiles.MaxLinkHops}); PipelineGuard does not follow it",
        _ => string.Empty,
    };
}

namespace PipelineGuard.IO;

/// <summary>What lies at a path once every symbolic link in it has been followed, as <see cref="RepositoryFiles"/> judges it.</summary>
internal enum PathStatus
{
    /// <summary>A file inside the repository root: it may be read.</summary>
    File,

    /// <summary>A folder inside the repository root.</summary>
    Directory,

    /// <summary>Nothing there (or a name the operating system refuses).</summary>
    Missing,

    /// <summary>The real path leaves the repository root: never read, never listed.</summary>
    OutsideRoot,

    /// <summary>
    /// The real path lies in a <c>.git</c> folder. It is inside the root, but it holds what a pull request must never
    /// see: actions/checkout persists the job's token in <c>.git/config</c> by default.
    /// </summary>
    GitFolder,

    /// <summary>A loop of symbolic links, or a chain longer than the operating system would follow.</summary>
    LinkLoop,
}

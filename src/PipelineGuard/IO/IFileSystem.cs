namespace PipelineGuard.IO;

/// <summary>What the engine needs of a file system; injected so that tests run on an in-memory tree.</summary>
internal interface IFileSystem
{
    string CurrentDirectory { get; }

    bool FileExists(string path);

    bool DirectoryExists(string path);

    /// <summary>Immediate children of a directory: (full path, is directory). Symbolic links to directories are reported as files so walks cannot loop.</summary>
    IEnumerable<(string Path, bool IsDirectory)> EnumerateEntries(string directory);

    long FileLength(string path);

    /// <summary>
    /// The target of the symbolic link (or junction) at <paramref name="path"/> exactly as stored, without following
    /// it; null when the path is not a link or does not exist. <see cref="RepositoryFiles"/> follows links with it, so
    /// that no read leaves the repository root.
    /// </summary>
    string? ReadLink(string path);

    /// <summary>Reads a file; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when it cannot.</summary>
    byte[] ReadAllBytes(string path);

    /// <summary>Writes a UTF-8 file (no BOM), replacing it; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</summary>
    void WriteAllText(string path, string content);

    /// <summary>
    /// Replaces a file with these exact bytes all at once, keeping its permissions: a reader (or a crash) sees the old
    /// file or the new one, never half of each. <c>fix --write</c> uses it on the real path a guarded read found, so a
    /// symbolic link is never written through.
    /// </summary>
    void ReplaceAllBytes(string path, byte[] bytes);
}

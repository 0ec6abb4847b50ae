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
    /// The path with every symbolic link in it resolved, so callers can check that what they are about to read
    /// lies inside the repository root (a link in a fork's PR must not expose a file of the CI machine).
    /// </summary>
    string ResolveRealPath(string path);

    /// <summary>Reads a file; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when it cannot.</summary>
    byte[] ReadAllBytes(string path);

    /// <summary>Writes a UTF-8 file (no BOM), replacing it; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</summary>
    void WriteAllText(string path, string content);
}

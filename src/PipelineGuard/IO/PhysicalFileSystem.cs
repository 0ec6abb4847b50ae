namespace PipelineGuard.IO;

/// <summary>The real disk; the working directory is the process's unless one is given (tests run the examples from the repository root).</summary>
internal sealed class PhysicalFileSystem(string? currentDirectory = null) : IFileSystem
{
    public string CurrentDirectory => currentDirectory ?? Directory.GetCurrentDirectory();

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    /// <summary>
    /// A directory's entries; a symbolic link is never a directory here (the walk does not follow links). The kind comes
    /// from the directory listing itself (d_type), so a monorepo's walk makes no readlink or stat call per entry.
    /// </summary>
    public IEnumerable<(string Path, bool IsDirectory)> EnumerateEntries(string directory)
    {
        var options = new EnumerationOptions { IgnoreInaccessible = true, RecurseSubdirectories = false, AttributesToSkip = 0 };
        return new System.IO.Enumeration.FileSystemEnumerable<(string, bool)>(
            directory,
            (ref System.IO.Enumeration.FileSystemEntry entry) =>
                (entry.ToFullPath(), entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) == 0),
            options);
    }

    public long FileLength(string path) => new FileInfo(path).Length;

    public string? ReadLink(string path) => new FileInfo(path).LinkTarget;

    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);

    public void WriteAllText(string path, string content) => File.WriteAllText(path, content, new System.Text.UTF8Encoding(false));

    /// <summary>The new bytes go to a temporary file beside the old one, which a rename then replaces.</summary>
    public void ReplaceAllBytes(string path, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(path) ?? ".";
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.pipelineguard-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}

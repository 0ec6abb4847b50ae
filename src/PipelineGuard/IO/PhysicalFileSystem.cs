namespace PipelineGuard.IO;

/// <summary>The real disk; the working directory is the process's unless one is given (tests run the examples from the repository root).</summary>
internal sealed class PhysicalFileSystem(string? currentDirectory = null) : IFileSystem
{
    public string CurrentDirectory => currentDirectory ?? Directory.GetCurrentDirectory();

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public IEnumerable<(string Path, bool IsDirectory)> EnumerateEntries(string directory)
    {
        var options = new EnumerationOptions { IgnoreInaccessible = true, RecurseSubdirectories = false, AttributesToSkip = 0 };
        foreach (var info in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", options))
        {
            var isLink = info.LinkTarget is not null;
            yield return (info.FullName, info is DirectoryInfo && !isLink);
        }
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

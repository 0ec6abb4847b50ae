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
}

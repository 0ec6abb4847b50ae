namespace PipelineGuard.IO;

internal sealed class PhysicalFileSystem : IFileSystem
{
    public string CurrentDirectory => Directory.GetCurrentDirectory();

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

    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);
}

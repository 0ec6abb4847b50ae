using System.Text;

namespace PipelineGuard.IO;

/// <summary>A file tree in memory, for tests and for checking text given on standard input. Paths use '/'.</summary>
internal sealed class InMemoryFileSystem(string currentDirectory = "/repo") : IFileSystem
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unreadable = new(StringComparer.Ordinal);

    public string CurrentDirectory { get; } = currentDirectory;

    /// <summary>Every file's full path, in order (tests copy a tree with it).</summary>
    public IReadOnlyList<string> AllFiles => [.. _files.Keys.Order(StringComparer.Ordinal)];

    public InMemoryFileSystem Add(string path, string content) => Add(path, Encoding.UTF8.GetBytes(content));

    public InMemoryFileSystem Add(string path, byte[] content)
    {
        _files[Full(path)] = content;
        return this;
    }

    public InMemoryFileSystem AddUnreadable(string path)
    {
        _files[Full(path)] = [0x20];
        _unreadable.Add(Full(path));
        return this;
    }

    public bool FileExists(string path) => _files.ContainsKey(Full(path));

    public bool DirectoryExists(string path)
    {
        var prefix = Full(path).TrimEnd('/') + "/";
        return prefix == "/" || _files.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));
    }

    public IEnumerable<(string Path, bool IsDirectory)> EnumerateEntries(string directory)
    {
        var prefix = Full(directory).TrimEnd('/') + "/";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in _files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var rest = key[prefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var name = slash < 0 ? rest : rest[..slash];
            if (seen.Add(name))
            {
                yield return (prefix + name, slash >= 0);
            }
        }
    }

    public long FileLength(string path) => _files.TryGetValue(Full(path), out var b) ? b.Length : throw new FileNotFoundException(path);

    public byte[] ReadAllBytes(string path)
    {
        var full = Full(path);
        if (_unreadable.Contains(full))
        {
            throw new UnauthorizedAccessException($"Access to the path '{full}' is denied.");
        }

        return _files.TryGetValue(full, out var bytes) ? bytes : throw new FileNotFoundException("not found", full);
    }

    public void WriteAllText(string path, string content) => Add(path, content);

    public void ReplaceAllBytes(string path, byte[] bytes) => Add(path, bytes);

    /// <summary>The in-memory tree has no links; link behaviour is tested on the real disk.</summary>
    public string? ReadLink(string path) => null;

    private string Full(string path)
    {
        path = path.Replace('\\', '/');
        var combined = path.StartsWith('/') ? path : CurrentDirectory.TrimEnd('/') + "/" + path;
        var parts = new List<string>();
        foreach (var part in combined.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return "/" + string.Join('/', parts);
    }
}

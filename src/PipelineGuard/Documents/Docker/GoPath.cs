namespace PipelineGuard.Documents.Docker;

/// <summary>Go's <c>path.Clean</c> (https://pkg.go.dev/path#Clean), which BuildKit applies to patterns and COPY sources.</summary>
internal static class GoPath
{
    /// <summary>Drops empty and '.' elements, resolves '..' lexically; "" becomes ".", a rooted path stays rooted.</summary>
    public static string Clean(string path)
    {
        var rooted = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".." || !rooted)
            {
                parts.Add(part);
            }
        }

        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>
    /// A COPY source as BuildKit resolves it against the context root (<c>filepath.Join("/", src)</c>): relative to
    /// the root, '..' never leaves it. The root itself is "".
    /// </summary>
    public static string InContext(string source) => Clean("/" + source).TrimStart('/');
}

namespace PipelineGuard.IO;

/// <summary>Whether one path lies inside another, by their text alone (links are <see cref="RepositoryFiles"/>' business).</summary>
internal static class PathContainment
{
    /// <summary>Is <paramref name="path"/> the folder <paramref name="root"/> or inside it (after normalisation)?</summary>
    public static bool IsUnder(string path, string root)
    {
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        var top = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        return full == top || full.StartsWith(top + Path.DirectorySeparatorChar, StringComparison.Ordinal) || top.Length == 0;
    }
}

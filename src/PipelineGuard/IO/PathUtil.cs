namespace PipelineGuard.IO;

internal static class PathUtil
{
    /// <summary>Is <paramref name="path"/> the folder <paramref name="root"/> or inside it (after normalisation)?</summary>
    public static bool IsUnder(string path, string root) => IO.PathContainment.IsUnder(path, root);

    /// <summary>
    /// <paramref name="relative"/> resolved against <paramref name="baseDirectory"/>, or null when it is no path at all
    /// (a NUL or another character the OS refuses): such a reference is simply missing, never an internal error.
    /// </summary>
    public static string? Resolve(string baseDirectory, string relative)
    {
        try
        {
            return relative.Contains('\0', StringComparison.Ordinal) ? null : Path.GetFullPath(Path.Combine(baseDirectory, relative));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>A path as users see it in reports: '/' separators.</summary>
    public static string ToDisplay(string path) => path.Replace('\\', '/');

    /// <summary>The display path of a file: relative to the working directory.</summary>
    public static string Display(string fullPath, string workingDirectory) =>
        ToDisplay(Path.GetRelativePath(workingDirectory, fullPath));

    /// <summary>Template placeholders that real repositories carry (<c>{{ACR_NAME}}</c>, <c>{{image.context.path}}</c>).</summary>
    public static bool IsTemplate(string text) => text.Contains("{{", StringComparison.Ordinal) || text.Contains("}}", StringComparison.Ordinal);

    /// <summary>
    /// An absolute path on Linux or Windows (<c>/x</c>, <c>C:\x</c>, <c>\\server\x</c>), whatever system PipelineGuard runs
    /// on: it names a place on the machine that reads it, never a file of the repository.
    /// </summary>
    public static bool IsAbsolute(string text)
    {
        var t = text.Trim();
        return t.StartsWith('/') || t.StartsWith('\\') ||
            (t.Length >= 3 && char.IsAsciiLetter(t[0]) && t[1] == ':' && t[2] is '/' or '\\');
    }

    public static bool IsUrl(string text) =>
        text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
        text.StartsWith("git+", StringComparison.OrdinalIgnoreCase) || text.StartsWith("azureml:", StringComparison.OrdinalIgnoreCase);
}

namespace PipelineGuard.Reporting;

/// <summary>
/// Turns a finding's display path (relative to the working directory, '/' separators) into the path each CI
/// system expects. GitHub wants it relative to the repository root, which is <c>GITHUB_WORKSPACE</c>; inside a
/// container action that is <c>/github/workspace</c> and the working directory may be a folder below it
/// (<see href="https://docs.github.com/en/actions/sharing-automations/creating-actions/dockerfile-support-for-github-actions">Dockerfile support</see>).
/// Azure Pipelines' <c>task.logissue</c> wants an absolute <c>sourcepath</c> on the agent (its docs: "File paths should
/// be given as absolute paths"), which is under <c>BUILD_SOURCESDIRECTORY</c>.
/// </summary>
internal sealed class CiPaths(string workingDirectory, Func<string, string?> getEnvironmentVariable)
{
    /// <summary>Relative to <c>GITHUB_WORKSPACE</c> when the file lies under it; otherwise the display path unchanged.</summary>
    public string RepositoryRelative(string displayPath) => Safely(displayPath, RepositoryRelativeCore);

    /// <summary>
    /// Absolute under <c>BUILD_SOURCESDIRECTORY</c> when that is set: the file's full path when the working directory
    /// is inside it; else the display path joined to it (a container that mounts the sources elsewhere still reports
    /// agent paths). Without the variable, the display path.
    /// </summary>
    public string AzureSourcePath(string displayPath) => Safely(displayPath, AzureSourcePathCore);

    /// <summary>A path the platform's path functions reject (a NUL from a log line) is reported as it is.</summary>
    private static string Safely(string displayPath, Func<string, string> map)
    {
        try
        {
            return map(displayPath);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return displayPath;
        }
    }

    private string RepositoryRelativeCore(string displayPath)
    {
        var workspace = getEnvironmentVariable("GITHUB_WORKSPACE");
        if (string.IsNullOrWhiteSpace(workspace) || Path.IsPathRooted(displayPath) && !IsUnder(displayPath, workspace))
        {
            return displayPath;
        }

        var full = Full(displayPath);
        return IsUnder(full, workspace) ? ToSlashes(Path.GetRelativePath(Path.GetFullPath(workspace), full)) : displayPath;
    }

    private string AzureSourcePathCore(string displayPath)
    {
        var sources = getEnvironmentVariable("BUILD_SOURCESDIRECTORY");
        if (string.IsNullOrWhiteSpace(sources))
        {
            return displayPath;
        }

        var full = IsUnder(workingDirectory, sources) ? Full(displayPath) : Path.GetFullPath(Path.Combine(sources, displayPath));
        return ToSlashes(full);
    }

    private string Full(string displayPath) => Path.GetFullPath(Path.Combine(workingDirectory, displayPath));

    private static bool IsUnder(string path, string root) => IO.PathUtil.IsUnder(path, root);

    /// <summary>'/' separators; on Linux a backslash is part of a file name and stays.</summary>
    private static string ToSlashes(string path) => Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;
}

namespace PipelineGuard.GitHub;

/// <summary>
/// Turns the display paths of findings (relative to the working directory) into the repository-relative,
/// '/'-separated paths that the Checks and Pulls APIs and git diff speak. A path outside the root has none.
/// </summary>
internal sealed class RepositoryPaths(string workingDirectory, string? repositoryRoot)
{
    private readonly string _root = Path.GetFullPath(repositoryRoot ?? workingDirectory);

    public string? ToRepositoryPath(string displayPath)
    {
        if (string.IsNullOrEmpty(displayPath) || displayPath == "-")
        {
            return null; // standard input
        }

        var full = Path.GetFullPath(Path.IsPathRooted(displayPath) ? displayPath : Path.Combine(workingDirectory, displayPath));
        var relative = Path.GetRelativePath(_root, full).Replace('\\', '/');
        return relative == "." || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : relative;
    }
}

namespace PipelineGuard.Cli;

/// <summary>
/// The warning for a run that found nothing to check: a folder without one recognised file "passed" silently,
/// which a mistyped path in CI would never reveal. Exit 0 all the same, as ruff does for "No Python files found".
/// </summary>
internal static class NoEnvironmentFiles
{
    /// <summary>The names docs/usage.md ("What is read") lists, short enough for one line.</summary>
    public const string Recognised =
        "conda and Azure ML v2 *.yml/*.yaml, azureml_environment.json (v1), requirements*.txt, *.requirements.txt, constraints*.txt, " +
        "Dockerfile, Dockerfile.*, *.dockerfile, Containerfile";

    public static string Message(IEnumerable<string> paths)
    {
        var list = paths.ToList();
        var where = list.Count == 0 ? "." : string.Join(", ", list);
        return $"warning: no environment files found under {where}; recognised: {Recognised}";
    }
}

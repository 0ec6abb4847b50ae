namespace PipelineGuard.Discovery;

/// <summary>Which file names are candidates for which reader (docs/usage.md, "What is read").</summary>
internal static class FileNames
{
    /// <summary>Folders never walked into.</summary>
    public static readonly IReadOnlySet<string> SkippedDirectories = new HashSet<string>(StringComparer.Ordinal)
    {
        ".git", "node_modules", "bin", "obj", ".venv", "venv", "__pycache__",
    };

    public static bool IsYaml(string name) =>
        name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    public static bool IsJson(string name) => name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static bool IsV1EnvironmentName(string name) => name.Equals("azureml_environment.json", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>requirements*.txt</c>, <c>*.requirements.txt</c>, <c>constraints*.txt</c>.</summary>
    public static bool IsRequirements(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.EndsWith(".txt", StringComparison.Ordinal) &&
            (lower.StartsWith("requirements", StringComparison.Ordinal) || lower.EndsWith(".requirements.txt", StringComparison.Ordinal) ||
             lower.StartsWith("constraints", StringComparison.Ordinal));
    }

    /// <summary>BuildKit's naming conventions (<c>Dockerfile</c>, <c>Dockerfile.*</c>, <c>*.dockerfile</c>, …).</summary>
    public static bool IsDockerfile(string name) => Documents.Docker.DockerfileNames.IsDockerfileName(name);

    /// <summary>
    /// When a YAML file cannot be parsed its kind is unknown; report it (PG113) only when its name or text
    /// says it is an environment, so that broken Helm templates and the like are not flagged.
    /// </summary>
    public static bool LooksLikeEnvironmentYaml(string name, string text)
    {
        var lower = name.ToLowerInvariant();
        if (lower.Contains("conda", StringComparison.Ordinal) || lower.Contains("env", StringComparison.Ordinal))
        {
            return true;
        }

        return text.Contains("environment.schema.json", StringComparison.Ordinal) ||
            text.StartsWith("dependencies:", StringComparison.Ordinal) || text.Contains("\ndependencies:", StringComparison.Ordinal) ||
            text.Contains("\nconda_file:", StringComparison.Ordinal);
    }
}

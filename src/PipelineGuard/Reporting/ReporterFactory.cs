using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>The output formats by name (docs/usage.md). Options that a reporter needs come in <see cref="ReporterOptions"/>.</summary>
internal static class ReporterFactory
{
    public static IReadOnlyList<string> Formats => OutputFormats.Names;

    /// <summary>The reporter for <paramref name="format"/>, or null when the name is unknown.</summary>
    public static IReporter? Create(string format, ReporterOptions options) => format switch
    {
        "text" => new TextReporter(options.Colour, options.Verbose),
        "compact" => new CompactReporter(),
        "json" => new JsonReporter(),
        "sarif" => new SarifReporter(options),
        "github" => new GitHubReporter(options),
        "azure" => new AzureReporter(options),
        "markdown" => new MarkdownReporter(options),
        _ => null,
    };

    /// <summary>
    /// The format a run uses when none is named (or <c>auto</c>): <c>github</c> under GitHub Actions
    /// (<c>GITHUB_ACTIONS=true</c>), <c>azure</c> under Azure Pipelines (<c>TF_BUILD=True</c>), else <c>text</c>.
    /// Both variables are set by the platforms on every job
    /// (<see href="https://docs.github.com/en/actions/reference/variables-reference">GitHub</see>,
    /// <see href="https://learn.microsoft.com/en-us/azure/devops/pipelines/build/variables">Azure Pipelines</see>).
    /// </summary>
    public static string Detect(Func<string, string?> getEnvironmentVariable)
    {
        if (string.Equals(getEnvironmentVariable("GITHUB_ACTIONS")?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return "github";
        }

        return string.Equals(getEnvironmentVariable("TF_BUILD")?.Trim(), "true", StringComparison.OrdinalIgnoreCase) ? "azure" : "text";
    }

    /// <summary>A requested format name, normalised; empty or <c>auto</c> becomes the detected one.</summary>
    public static string Resolve(string? requested, Func<string, string?> getEnvironmentVariable)
    {
        var name = requested?.Trim().ToLowerInvariant() ?? string.Empty;
        return name.Length == 0 || name == "auto" ? Detect(getEnvironmentVariable) : name;
    }
}

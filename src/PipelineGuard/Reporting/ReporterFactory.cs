using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>The output formats by name (docs/usage.md). Options that a reporter needs come in <see cref="ReporterOptions"/>.</summary>
internal static class ReporterFactory
{
    public static IReadOnlyList<string> Formats => OutputFormats.Names;

    /// <summary>The reporter for <paramref name="format"/>, or null when the name is unknown.</summary>
    public static IReporter? Create(string format, ReporterOptions options) => format switch
    {
        "text" => new TextReporter(options.Colour),
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

/// <summary>
/// What reporters may need to know about where they run. The environment and files outside the report (the job
/// summary, the step outputs) are reached only through the functions given here, never directly.
/// </summary>
internal sealed record ReporterOptions(bool Colour, Func<string, string?> GetEnvironmentVariable)
{
    /// <summary>The folder the finding paths are relative to (the checker's current directory).</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Appends UTF-8 text to a file (<c>$GITHUB_STEP_SUMMARY</c>, <c>$GITHUB_OUTPUT</c>); null: never write files.</summary>
    public Action<string, string>? AppendToFile { get; init; }

    /// <summary>
    /// A fresh unguessable token for <c>::stop-commands::</c> and the output-file delimiters. Tests give a fixed one;
    /// the default takes 128 bits from the operating system's random generator.
    /// </summary>
    public Func<string> NewToken { get; init; } = RandomToken;

    /// <summary>Where the SARIF report of this run is written, for the <c>sarif-file</c> step output; null when none is.</summary>
    public string? SarifFile { get; init; }

    /// <summary>The rules a SARIF run describes; null: every rule of the catalog, plus <see cref="ExtraRules"/>.</summary>
    public IReadOnlyList<RuleInfo>? Rules { get; init; }

    /// <summary>Rules that are not in the catalog (e.g. build-log rules) but may appear in findings.</summary>
    public IReadOnlyList<RuleInfo> ExtraRules { get; init; } = [];

    public static string RandomToken() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}

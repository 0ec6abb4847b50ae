using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

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

    /// <summary><c>--verbose</c>: the text format shows every finding in full (message, source line, fix), ungrouped.</summary>
    public bool Verbose { get; init; }

    /// <summary>The rules a SARIF run describes; null: every rule of the catalog.</summary>
    public IReadOnlyList<RuleInfo>? Rules { get; init; }


    public static string RandomToken() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}

namespace PipelineGuard.Reporting;

/// <summary>The output formats by name (PRODUCT.md §4). Options that a reporter needs come in <see cref="ReporterOptions"/>.</summary>
internal static class ReporterFactory
{
    public static IReadOnlyList<string> Formats { get; } = ["text", "json"];

    /// <summary>The reporter for <paramref name="format"/>, or null when the name is unknown.</summary>
    public static IReporter? Create(string format, ReporterOptions options) => format switch
    {
        "text" => new TextReporter(options.Colour),
        "json" => new JsonReporter(),
        _ => null,
    };
}

/// <summary>What reporters may need to know about where they run. Environment lookups are injected, never read directly.</summary>
internal sealed record ReporterOptions(bool Colour, Func<string, string?> GetEnvironmentVariable);

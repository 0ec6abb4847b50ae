namespace PipelineGuard.Model;

/// <summary>
/// The names of the output formats. Here, below both, because the settings validate a format name and the reporters
/// implement them: the configuration must not depend on the reporters.
/// </summary>
internal static class OutputFormats
{
    public static IReadOnlyList<string> Names { get; } = ["text", "compact", "json", "sarif", "github", "azure", "markdown"];
}

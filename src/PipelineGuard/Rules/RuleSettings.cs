namespace PipelineGuard.Rules;

/// <summary>
/// The settings that change what a rule reports, filled in by the engine from the configuration (which rules do not
/// know). Today one: PG112's <c>large-packages</c>.
/// </summary>
internal sealed record RuleSettings
{
    public static RuleSettings Default { get; } = new();

    /// <summary>PEP 503 normalised names of the pip packages PG112 counts as large.</summary>
    public IReadOnlySet<string> LargePackages { get; init; } = Analysis.LargePackages.Default;
}

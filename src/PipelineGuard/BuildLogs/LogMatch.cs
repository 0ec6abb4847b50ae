namespace PipelineGuard.BuildLogs;

/// <summary>The ordinal comparisons signatures are written with (no regular expression runs on log text).</summary>
internal static class LogMatch
{
    public static bool Has(string text, string part) => text.Contains(part, StringComparison.Ordinal);

    public static bool Starts(string text, string part) => text.StartsWith(part, StringComparison.Ordinal);

    public static bool SameName(string? a, string? b) =>
        a is not null && b is not null && Documents.Pip.RequirementTargetScanner.Normalize(a) == Documents.Pip.RequirementTargetScanner.Normalize(b);
}

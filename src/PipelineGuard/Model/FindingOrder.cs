namespace PipelineGuard.Model;

/// <summary>
/// The one order of findings in every output: sorted by file, line, column, rule ID (the JSON contract), then message.
/// A spec file shared by two definitions is checked in both; the same finding at the same place is reported once.
/// </summary>
internal static class FindingOrder
{
    public static IReadOnlyList<Finding> Sort(IEnumerable<Finding> findings) =>
        findings
            .DistinctBy(f => (f.RuleId, f.Span, f.Message))
            .OrderBy(f => f.Span.File, StringComparer.Ordinal)
            .ThenBy(f => f.Span.Line)
            .ThenBy(f => f.Span.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
}

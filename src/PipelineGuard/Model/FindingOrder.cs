namespace PipelineGuard.Model;

/// <summary>
/// The one order of findings in every output: sorted by file, line, column, rule ID (the JSON contract), then message.
/// A spec file shared by two definitions is checked in both; the same finding at the same place is reported once.
/// </summary>
internal static class FindingOrder
{
    /// <summary>
    /// Stable, as LINQ's OrderBy was: findings that tie keep their input order. Grouped by file first and each file's
    /// few findings sorted alone, because a monorepo has tens of thousands of findings over thousands of files and
    /// one sort over five keys, after hashing every finding to drop repeats, took a tenth of its run
    /// (docs/performance.md). A repeat (same rule, span and message) sorts next to its first occurrence, so dropping it
    /// needs no hashing.
    /// </summary>
    public static IReadOnlyList<Finding> Sort(IEnumerable<Finding> findings)
    {
        var byFile = new Dictionary<string, List<(Finding Finding, int Index)>>(StringComparer.Ordinal);
        var count = 0;
        foreach (var finding in findings)
        {
            if (!byFile.TryGetValue(finding.Span.File, out var inFile))
            {
                byFile[finding.Span.File] = inFile = [];
            }

            inFile.Add((finding, count++));
        }

        var files = byFile.Keys.ToArray();
        Array.Sort(files, StringComparer.Ordinal);
        var sorted = new List<Finding>(count);
        foreach (var file in files)
        {
            var inFile = byFile[file];
            inFile.Sort(WithinFile);
            Finding? previous = null;
            foreach (var (finding, _) in inFile)
            {
                if (previous is null || !SamePlaceAndWords(previous, finding))
                {
                    sorted.Add(finding);
                }

                previous = finding;
            }
        }

        return sorted;
    }

    /// <summary>Line, column, rule, message, then the rest of the span (so repeats are neighbours), then input order.</summary>
    private static int WithinFile((Finding Finding, int Index) a, (Finding Finding, int Index) b)
    {
        var (x, y) = (a.Finding, b.Finding);
        var order = x.Span.Line.CompareTo(y.Span.Line);
        order = order != 0 ? order : x.Span.Column.CompareTo(y.Span.Column);
        order = order != 0 ? order : string.CompareOrdinal(x.RuleId, y.RuleId);
        order = order != 0 ? order : string.CompareOrdinal(x.Message, y.Message);
        order = order != 0 ? order : x.Span.EndLine.CompareTo(y.Span.EndLine);
        order = order != 0 ? order : x.Span.EndColumn.CompareTo(y.Span.EndColumn);
        return order != 0 ? order : a.Index.CompareTo(b.Index);
    }

    private static bool SamePlaceAndWords(Finding a, Finding b) =>
        a.Span == b.Span && string.Equals(a.RuleId, b.RuleId, StringComparison.Ordinal) && string.Equals(a.Message, b.Message, StringComparison.Ordinal);
}

using PipelineGuard.Model;

namespace PipelineGuard.Engine;

/// <summary>
/// At most <see cref="PerFile"/> findings of one file are reported; the rest become one summary finding that says how
/// many more there were. A generated or pasted file can carry tens of thousands of the same problem: pages of identical
/// annotations bury the rest of a review, and every reporter's work grows with them (docs/limits.md).
/// </summary>
internal static class FindingCap
{
    public const int PerFile = 100;

    /// <summary>The findings, in their order, with each file's findings past <see cref="PerFile"/> summed up in one.</summary>
    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> ordered)
    {
        var perFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var dropped = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        var kept = new List<Finding>(Math.Min(ordered.Count, 1024));
        foreach (var finding in ordered)
        {
            var file = finding.Span.File;
            var count = perFile[file] = perFile.GetValueOrDefault(file) + 1;
            if (count <= PerFile)
            {
                kept.Add(finding);
            }
            else if (dropped.TryGetValue(file, out var list))
            {
                list.Add(finding);
            }
            else
            {
                dropped[file] = [finding];
            }
        }

        if (dropped.Count == 0)
        {
            return ordered;
        }

        kept.AddRange(dropped.Values.Select(Summary));
        return kept;
    }

    /// <summary>
    /// One finding for the rest, under the rule most of them come from and at the first of them, with the most severe
    /// of their severities: a run fails on the summary when it would have failed on what it stands for.
    /// </summary>
    private static Finding Summary(List<Finding> rest)
    {
        var byRule = rest.GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var main = byRule[0].First();
        var rules = string.Join(", ", byRule.Select(g => $"{g.Key} {g.Count()}"));
        return new Finding(main.Rule, rest.Max(f => f.Severity),
            $"{rest.Count} more findings in this file are not shown ({rules}): PipelineGuard reports at most {PerFile} per file. " +
            "Fix the ones shown (often one cause, such as a generated list), or check the file in parts.",
            rest[0].Span);
    }
}

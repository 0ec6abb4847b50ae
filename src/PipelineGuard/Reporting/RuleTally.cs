using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>How many findings one rule has, by severity: a line of the closing summary and a heading of the job summary.</summary>
internal sealed record RuleTally(RuleInfo Rule, int Errors, int Warnings, int Notices)
{
    public int Total => Errors + Warnings + Notices;

    public Severity Highest => Errors > 0 ? Severity.Error : Warnings > 0 ? Severity.Warning : Severity.Notice;

    /// <summary><c>3 errors, 1 warning</c>: the severities that occur, most severe first.</summary>
    public string Counts => string.Join(", ", new[] { (Errors, "error"), (Warnings, "warning"), (Notices, "notice") }
        .Where(c => c.Item1 > 0).Select(c => RunSummary.Plural(c.Item1, c.Item2)));

    /// <summary>Every rule with findings: the most severe first, then the most frequent, then by ID.</summary>
    public static IReadOnlyList<RuleTally> Of(IEnumerable<Finding> findings) =>
        findings.GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .Select(g => new RuleTally(
                g.First().Rule,
                g.Count(f => f.Severity == Severity.Error),
                g.Count(f => f.Severity == Severity.Warning),
                g.Count(f => f.Severity == Severity.Notice)))
            .OrderByDescending(t => t.Highest)
            .ThenByDescending(t => t.Total)
            .ThenBy(t => t.Rule.Id, StringComparer.Ordinal)
            .ToList();
}

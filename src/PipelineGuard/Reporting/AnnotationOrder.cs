using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>
/// The order in which findings become annotations, so that those a platform shows (GitHub: 10 of each level per step)
/// say the most: errors, then warnings, then notices; within a level, one finding of each rule first (the rules with
/// the most findings first), then the rest in the usual order (file, line).
/// </summary>
internal static class AnnotationOrder
{
    public static IReadOnlyList<T> MostSevereFirst<T>(IEnumerable<T> items, Func<T, Finding> findingOf)
        where T : class
    {
        var ordered = new List<T>();
        foreach (var level in items.GroupBy(i => findingOf(i).Severity).OrderByDescending(g => g.Key))
        {
            var firsts = level.GroupBy(i => findingOf(i).RuleId, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.First())
                .ToList();
            var chosen = new HashSet<T>(firsts, ReferenceEqualityComparer.Instance);
            ordered.AddRange(firsts);
            ordered.AddRange(level.Where(i => !chosen.Contains(i)));
        }

        return ordered;
    }
}

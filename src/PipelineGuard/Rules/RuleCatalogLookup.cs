using PipelineGuard.Model;

namespace PipelineGuard.Rules;

/// <summary>
/// Rule IDs and names as people type them: <c>PG106</c>, <c>pg106</c> or <c>dependency-unpinned</c> (and
/// <c>DEPENDENCY_UNPINNED</c>, as environment variable names spell it). What is not a rule gets the nearest
/// ID or name by edit distance, so every place that takes a rule can say "did you mean".
/// </summary>
internal static class RuleCatalogLookup
{
    /// <summary>The rule an ID or name denotes, or null.</summary>
    public static RuleInfo? Resolve(string idOrName)
    {
        var text = idOrName.Trim();
        return text.Length == 0 ? null : RuleCatalog.Find(text) ?? RuleCatalog.Find(text.Replace('_', '-'));
    }

    /// <summary>"unknown rule 'X'; did you mean PG106 (dependency-unpinned)?", or a pointer to the list when nothing is near.</summary>
    public static string Unknown(string idOrName)
    {
        var nearest = Nearest(idOrName);
        return $"unknown rule '{idOrName}'; " + (nearest is null ? "'pipelineguard rules' lists them" : $"did you mean {nearest.Id} ({nearest.Name})?");
    }

    /// <summary>The rule whose ID or name is closest to <paramref name="idOrName"/>, when it is close enough to be a slip.</summary>
    public static RuleInfo? Nearest(string idOrName)
    {
        var text = idOrName.Trim().ToLowerInvariant();
        var best = RuleCatalog.Infos
            .SelectMany(r => new[] { (Rule: r, Distance: EditDistance.Between(text, r.Id.ToLowerInvariant())), (Rule: r, Distance: EditDistance.Between(text, r.Name)) })
            .OrderBy(c => c.Distance).ThenBy(c => c.Rule.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Rule is not null && IsSlip(text, best.Distance) ? best.Rule : null;
    }

    /// <summary>The candidate closest to <paramref name="input"/> (ignoring case), when it is close enough to be a slip; for verbs, options and directives.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        var text = input.ToLowerInvariant();
        var best = candidates.Select(c => (Candidate: c, Distance: EditDistance.Between(text, c.ToLowerInvariant())))
            .OrderBy(c => c.Distance).ThenBy(c => c.Candidate, StringComparer.Ordinal).FirstOrDefault();
        return best.Candidate is not null && IsSlip(text, best.Distance) ? best.Candidate : null;
    }

    // A third of the word, at least two edits: `chek`, `--formt`, `PG1006` and `pip-not-declard` are slips.
    private static bool IsSlip(string text, int distance) => distance <= Math.Max(2, text.Length / 3) && distance < text.Length;
}

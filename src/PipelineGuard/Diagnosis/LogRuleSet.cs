using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using PipelineGuard.Rules.Logs;
using PipelineGuard.Rules;

namespace PipelineGuard.Diagnosis;

/// <summary>
/// The log rules arranged for scanning, built once from <see cref="RuleCatalog.LogRules"/>: each family's signatures in
/// order (a family is one if/else chain: the first signature that takes a line ends it), every keyword with its
/// families for the prefilter, and each rule by ID for the ranking and the linking.
/// </summary>
internal static class LogRuleSet
{
    /// <summary>The families after <see cref="Families.Markers"/>, in the order a line is handed to them.</summary>
    private static readonly Families[] Order = [Families.Pip, Families.Conda, Families.Network, Families.Registry, Families.Docker, Families.System];

    private static readonly LogSignature[][] Chains = BuildChains();

    private static readonly Dictionary<string, ILogRule> ById = RuleCatalog.LogRules.ToDictionary(r => r.Info.Id, StringComparer.Ordinal);

    public static IReadOnlyList<ILogRule> Rules => RuleCatalog.LogRules;

    /// <summary>Every signature and the structure markers: the source of the prefilter tables.</summary>
    public static IEnumerable<LogSignature> AllSignatures => BuildMarkers.Signatures.Concat(Chains.SelectMany(c => c));

    public static ILogRule Of(RuleInfo rule) => ById[rule.Id];

    /// <summary>Hands <paramref name="line"/> to the markers and to the chain of each family in <paramref name="families"/>.</summary>
    public static void Match(LogLine line, Families families, LogContext context)
    {
        if ((families & Families.Markers) != 0)
        {
            BuildMarkers.Match(line, context);
        }

        for (var f = 0; f < Order.Length; f++)
        {
            if ((families & Order[f]) == 0)
            {
                continue;
            }

            foreach (var signature in Chains[f])
            {
                if (signature.Match(line, context))
                {
                    break;
                }
            }
        }
    }

    /// <summary>Calls each rule's end-of-log hook (in ID order).</summary>
    public static void AtEnd(LogContext context)
    {
        foreach (var rule in Rules)
        {
            rule.AtEnd(context);
        }
    }

    private static LogSignature[][] BuildChains()
    {
        var all = RuleCatalog.LogRules.SelectMany(r => r.Signatures).ToList();
        var chains = new LogSignature[Order.Length][];
        for (var f = 0; f < Order.Length; f++)
        {
            var family = Order[f];
            chains[f] = [.. all.Where(s => s.Family == family).OrderBy(s => s.Order)];
            var clash = chains[f].GroupBy(s => s.Order).FirstOrDefault(g => g.Count() > 1);
            if (clash is not null)
            {
                throw new InvalidOperationException($"Two {family} signatures have order {clash.Key}: the order of a family's signatures must be total.");
            }
        }

        if (all.FirstOrDefault(s => !Order.Contains(s.Family)) is { } stray)
        {
            throw new InvalidOperationException($"A log rule's signature has family {stray.Family}: use exactly one of {string.Join(", ", Order)}.");
        }

        return chains;
    }
}

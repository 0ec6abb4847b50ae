using System.Reflection;
using PipelineGuard.Model;

namespace PipelineGuard.Rules;

/// <summary>
/// Every rule PipelineGuard runs, in ID order: each non-abstract <see cref="IRule"/> of this assembly with a
/// parameterless constructor. Found by reflection once, so that adding a rule is adding its class (and its page:
/// a test checks that IDs are unique and that each has a page in docs/rules/).
/// </summary>
internal static class RuleCatalog
{
    public static IReadOnlyList<IRule> All { get; } = Discover<IRule>(r => r.Info.Id);

    /// <summary>Every build-log rule (PG3xx), in ID order: each non-abstract <see cref="Logs.ILogRule"/>, found the same way. The log diagnoser runs them.</summary>
    public static IReadOnlyList<Logs.ILogRule> LogRules { get; } = Discover<Logs.ILogRule>(r => r.Info.Id);

    /// <summary>Rules whose findings a stage of the engine makes, not a rule class: PG134, made by the suppression stage.</summary>
    public static IReadOnlyList<RuleInfo> StageRules { get; } = [Documents.UnusedSuppression.Rule];

    /// <summary>Every rule's description: the static rules, the build-log rules (run by the log diagnoser) and the stage rules.</summary>
    public static IReadOnlyList<RuleInfo> Infos { get; } =
        [.. All.Select(r => r.Info).Concat(LogRules.Select(r => r.Info)).Concat(StageRules).OrderBy(i => i.Id, StringComparer.Ordinal)];

    public static RuleInfo? Find(string id) =>
        Infos.FirstOrDefault(i => i.Id.Equals(id, StringComparison.OrdinalIgnoreCase) || i.Name.Equals(id, StringComparison.OrdinalIgnoreCase));

    private static List<T> Discover<T>(Func<T, string> id) => typeof(RuleCatalog).Assembly.GetTypes()
        .Where(t => typeof(T).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } &&
                    t.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not null)
        .Select(t => (T)Activator.CreateInstance(t, nonPublic: true)!)
        .OrderBy(id, StringComparer.Ordinal)
        .ToList();
}

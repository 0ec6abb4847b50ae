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

    /// <summary>Every rule's description: the static rules and the build-log rules (found by the log diagnoser, not run on the workspace).</summary>
    public static IReadOnlyList<RuleInfo> Infos { get; } =
        [.. All.Select(r => r.Info).Concat(LogRules.Select(r => r.Info)).OrderBy(i => i.Id, StringComparer.Ordinal)];

    public static RuleInfo? Find(string id) =>
        Infos.FirstOrDefault(i => i.Id.Equals(id, StringComparison.OrdinalIgnoreCase) || i.Name.Equals(id, StringComparison.OrdinalIgnoreCase));

    private static List<T> Discover<T>(Func<T, string> id) => typeof(RuleCatalog).Assembly.GetTypes()
        .Where(t => typeof(T).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } &&
                    t.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not null)
        .Select(t => (T)Activator.CreateInstance(t, nonPublic: true)!)
        .OrderBy(id, StringComparer.Ordinal)
        .ToList();
}

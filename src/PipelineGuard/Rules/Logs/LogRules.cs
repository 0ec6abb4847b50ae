using PipelineGuard.Model;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// The descriptions of the build-log rules PG301–PG331 (docs/build-logs.md), one <see cref="ILogRule"/> class each, found by
/// <see cref="RuleCatalog"/>. They are not <see cref="IRule"/>s: they read a build log, not the workspace alone, so
/// <see cref="Diagnosis.BuildLogDiagnoser"/> reports them. Their default severity is the severity of a root cause
/// (<c>error</c>); a recognised signature that is not the root cause of a failing step is reported as a <c>notice</c>.
/// </summary>
internal static class LogRules
{
    /// <summary>All log rules in ID order, for <c>pipelineguard rules</c> and <c>explain</c>.</summary>
    public static IReadOnlyList<RuleInfo> All { get; } = [.. RuleCatalog.LogRules.Select(r => r.Info)];

    public static RuleInfo? Find(string idOrName) =>
        All.FirstOrDefault(i => i.Id.Equals(idOrName, StringComparison.OrdinalIgnoreCase) || i.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));
}

using PipelineGuard.Discovery;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Configuration;
using PipelineGuard.Rules;
using PipelineGuard.Rules.Pip;

namespace PipelineGuard.Engine;

/// <summary>The pipeline: discover and parse once, run every rule, then order and de-duplicate the findings.</summary>
internal sealed class Checker(IFileSystem fs, IReadOnlyList<IRule> rules, TimeProvider? clock = null)
{
    public Checker(IFileSystem fs, TimeProvider? clock = null)
        : this(fs, RuleCatalog.All, clock)
    {
    }

    public CheckResult Run(CheckOptions options)
    {
        var today = DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        var settings = options.Settings;
        var workspace = new WorkspaceBuilder(fs, ExcludeMatcher.Create(settings.Exclude)).Build(options.Paths) with { Today = today };
        var all = Order(rules.Where(r => !settings.IsOff(r.Info.Id)).Select(r => Configure(r, settings)).SelectMany(r => r.Check(workspace))
            .Concat(options.BuildLogs.SelectMany(log => Diagnose(log, workspace))));
        var (kept, suppressed) = FindingFilter.Apply(all, workspace, settings, options.Baseline);
        return new CheckResult(Order(kept), workspace, options.FailOn) { SuppressedFindings = suppressed, AllFindings = all };
    }

    /// <summary>Log findings go through the same suppressions, baseline and severities as the static ones.</summary>
    private static IReadOnlyList<Finding> Diagnose(BuildLogInput log, Environments.Workspace workspace)
    {
        using var stream = log.Open();
        return BuildLogs.BuildLogDiagnoser.Diagnose(stream, log.Display, workspace);
    }

    /// <summary>The rules that take a setting get it here (PG112's <c>large-packages</c>); the others are used as they are.</summary>
    private static IRule Configure(IRule rule, Settings settings) => rule switch
    {
        PipTimeoutNotRaised when settings.LargePackages is { } packages =>
            new PipTimeoutNotRaised(packages.Select(Versioning.Pep508.Pep508Requirement.Normalize).ToHashSet(StringComparer.Ordinal)),
        _ => rule,
    };

    /// <summary>
    /// Sorted by file, line, column, rule ID (the JSON contract). A spec file shared by two definitions
    /// is checked in both; the same finding at the same place is reported once.
    /// </summary>
    public static IReadOnlyList<Finding> Order(IEnumerable<Finding> findings) =>
        findings
            .DistinctBy(f => (f.RuleId, f.Span, f.Message))
            .OrderBy(f => f.Span.File, StringComparer.Ordinal)
            .ThenBy(f => f.Span.Line)
            .ThenBy(f => f.Span.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
}

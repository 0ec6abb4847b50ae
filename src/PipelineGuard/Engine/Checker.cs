using PipelineGuard.Discovery;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Rules;

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
        var all = Order(rules.Where(r => !settings.IsOff(r.Info.Id)).SelectMany(r => r.Check(workspace)));
        var (kept, suppressed) = FindingFilter.Apply(all, workspace, settings, options.Baseline);
        return new CheckResult(Order(kept), workspace, options.FailOn) { SuppressedFindings = suppressed, AllFindings = all };
    }

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

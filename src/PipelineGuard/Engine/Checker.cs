using PipelineGuard.Configuration;
using PipelineGuard.Discovery;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Reporting;
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
        var context = new RuleContext(workspace, RuleSettingsOf(settings));
        var all = FindingOrder.Sort(RunRules(context, settings, options.Progress)
            .Concat(options.ExtraFindings?.Invoke(workspace) ?? [])
            .Concat(options.BuildLogs.SelectMany(log => Diagnose(log, workspace)))
            .Select(WithoutCredentials));
        var (kept, suppressed) = FindingFilter.Apply(all, workspace, settings, options.Baseline);
        // The cap comes after suppressions and the baseline, so it counts only what would be shown.
        return new CheckResult(FindingOrder.Sort(FindingCap.Apply(FindingOrder.Sort(kept))), workspace, options.FailOn) { SuppressedFindings = suppressed };
    }

    /// <summary>
    /// Each rule is a pure function of the workspace, so on a large workspace they run in parallel; the findings are
    /// sorted afterwards, so the order of the output does not depend on which finished first. Progress counts rules done.
    /// </summary>
    private List<Finding> RunRules(RuleContext context, Settings settings, Action<string, int, int>? progress)
    {
        var active = rules.Where(r => !settings.IsOff(r.Info.Id)).ToList();
        var results = new List<Finding>[active.Count];
        var done = 0;
        void RunOne(int i)
        {
            results[i] = [.. active[i].Check(context)];
            var finished = Interlocked.Increment(ref done);
            progress?.Invoke("rules", finished, active.Count);
        }

        progress?.Invoke("rules", 0, active.Count);
        // In parallel only on a workspace of several files: the rules' work grows with it.
        ParallelWork.For(active.Count, RunOne, parallel: context.Workspace.Documents.Count >= ParallelWork.Threshold);

        return [.. results.SelectMany(r => r)];
    }

    /// <summary>
    /// Rules quote what the files say, and files carry URLs with tokens (<c>git+https://tok@github.com/…</c>):
    /// every message, fix and related message is cleaned here, once, so no output format and no baseline can leak one.
    /// </summary>
    private static Finding WithoutCredentials(Finding finding)
    {
        var message = UrlCredentials.RedactAll(finding.Message);
        var fix = finding.Fix is null ? null : UrlCredentials.RedactAll(finding.Fix);
        var related = finding.Related.Any(r => UrlCredentials.RedactAll(r.Message) != r.Message)
            ? [.. finding.Related.Select(r => r with { Message = UrlCredentials.RedactAll(r.Message) })]
            : finding.Related;
        return message == finding.Message && fix == finding.Fix && related == finding.Related
            ? finding
            : finding with { Message = message, Fix = fix, Related = related };
    }

    /// <summary>Log findings go through the same suppressions, baseline and severities as the static ones.</summary>
    private static IReadOnlyList<Finding> Diagnose(BuildLogInput log, Environments.Workspace workspace)
    {
        using var stream = log.Open();
        var diagnosis = Diagnosis.BuildLogDiagnoser.Analyze(stream, log.Display, workspace);

        // A log that breaks off (corrupt gzip, an I/O error) is not a clean log: say so rather than pass silently.
        return diagnosis.Read.Error is { } error
            ? throw new Model.UsageException($"--build-log {log.Display}: cannot read the log after line {diagnosis.Read.Lines}: {error}")
            : diagnosis.Findings;
    }

    /// <summary>The settings rules take, from the configuration (rules do not know it).</summary>
    private static RuleSettings RuleSettingsOf(Settings settings) => settings.LargePackages is { } packages
        ? new RuleSettings { LargePackages = packages.Select(Versioning.Pep508.Pep508Requirement.Normalize).ToHashSet(StringComparer.Ordinal) }
        : RuleSettings.Default;
}

using PipelineGuard.Configuration;
using PipelineGuard.Model;

namespace PipelineGuard.Engine;

/// <summary>What a run checks and when it fails. <see cref="FailOn"/> null means "never fail" (<c>--fail-on none</c>).</summary>
internal sealed record CheckOptions(IReadOnlyList<string> Paths, Severity? FailOn = Severity.Error)
{
    public Settings Settings { get; init; } = Settings.Default;

    /// <summary>Findings recorded here are not reported (<c>--baseline FILE</c>).</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>Image-build logs to diagnose against the checked workspace (<c>--build-log</c>).</summary>
    public IReadOnlyList<BuildLogInput> BuildLogs { get; init; } = [];

    /// <summary>Told (what, done, total) as the run goes, for a progress indicator; null: nobody listens.</summary>
    public Action<string, int, int>? Progress { get; init; }

    /// <summary>
    /// Findings of rules that run outside the engine, after the static rules, on the same workspace: the online rules
    /// of <c>--online</c> (docs/online.md). Their findings then go through the same suppressions, baseline, severities
    /// and reporters. Null: none (a plain check).
    /// </summary>
    public Func<Environments.Workspace, IReadOnlyList<Finding>>? ExtraFindings { get; init; }
}

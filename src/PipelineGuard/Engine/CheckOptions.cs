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
}

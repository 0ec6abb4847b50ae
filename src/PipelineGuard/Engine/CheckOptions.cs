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
}

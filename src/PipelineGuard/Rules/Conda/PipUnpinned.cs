using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Conda;

/// <summary>
/// PG102: <c>pip</c> is a conda dependency without one exact version. A new pip release changes how the
/// <c>pip:</c> list resolves, so the same spec builds differently from one week to the next.
/// Guide: "Pip not pinned".
/// </summary>
internal sealed class PipUnpinned : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG102", "pip-unpinned", Severity.Error,
        "pip is a conda dependency but is not pinned to one exact version.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Conda is not { } conda)
        {
            yield break;
        }

        foreach (var pip in conda.Named("pip").Where(d => d.Spec is { IsExactPin: false }))
        {
            var written = pip.Text.Value.Trim();
            yield return Report(pip.ValueSpan,
                $"'{written}' does not pin pip to one version; each build then takes the newest pip the channels serve, " +
                "and a new pip changes how the pip packages resolve (pip >= 20.3 can loop forever with conda-forge). " +
                "Pin it, e.g. 'pip=24.2' (or 'pip=20.2.4' with conda-forge).");
        }
    }
}

using PipelineGuard.Analysis;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Conda;

/// <summary>
/// PG102: <c>pip</c> is a conda dependency without one exact version. A new pip release changes how the
/// <c>pip:</c> list resolves, so the same spec builds differently from one week to the next. Guide: "Pip not pinned".
/// The guide's own <c>pip&lt;20.3</c> for the conda-forge case counts as pinned, and so does any range that stops below
/// the newest pip release line (<c>pip&lt;=23.2.1</c>: only released pips, the newest always the same); where PG103 or PG135 already speak
/// for the token, they say to pin it.
/// </summary>
internal sealed class PipUnpinned : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG102", "pip-unpinned", Severity.Warning,
        "pip is a conda dependency but is not pinned to one exact version.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Conda is not { } conda)
        {
            yield break;
        }

        // conda intersects every pip entry: one exact pin anywhere in the spec pins pip.
        // An upper bound below the newest release line (pip<=23.2.1) admits only released pips: conda installs the
        // same newest one on every build, so the build is as reproducible as with an exact pin.
        if (PipPins.PinnedBySpec(conda) || PipReleaseFacts.Settled(PipPins.Admitted(conda)))
        {
            yield break;
        }

        foreach (var pip in conda.Named("pip").Where(d => d.Spec is { IsExactPin: false }))
        {
            if (PipPins.HangRisk(conda, pip) || PipPins.CannotRun(conda, pip) || PipPins.IsGuideRemedy(conda, pip))
            {
                continue;
            }

            var written = pip.Text.Value.Trim();
            var pin = PipPins.SuggestedPin(conda, pip, keepOwnRange: true);
            var advice = pin is not null ? $"Pin it: 'pip={pin}' runs on {PipPins.PythonName(conda)}." :
                pip.Spec!.Version is null ? $"Pin it to {PipReleaseFacts.GenericAdvice}." :
                $"Pin it to the exact pip you build with today, one that '{written}' admits and that runs on your Python.";
            yield return Report(pip.ValueSpan,
                $"'{written}' does not pin pip to one version; each build then takes the newest pip the channels serve, " +
                $"and a new pip changes how the pip packages resolve, so the same spec builds differently over time. {advice}",
                fix: pin is null ? null : PipPins.PinnedText(pip, pin));
        }
    }
}

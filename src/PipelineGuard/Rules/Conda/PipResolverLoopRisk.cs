using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Conda;

/// <summary>
/// PG103: conda-forge is the highest-priority channel, the spec has pip packages, and the pip spec admits a pip
/// from 20.3 up to 23.0. Those resolvers backtrack through every version of every unpinned package when the pip list
/// cannot be resolved (2,000,000 rounds: hours), so the image build hangs until it times out; from 23.1 on the
/// resolver backjumps and gives up after 200,000 rounds. Guide: pip "can get stuck in an infinite loop if there are
/// unresolvable conflicts in dependencies", only "if conda-forge is the highest-priority channel".
/// Evidence and sources: docs/pip-compatibility.md.
/// </summary>
internal sealed class PipResolverLoopRisk : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG103", "pip-resolver-loop-risk", Severity.Error,
        "conda-forge has the highest priority and pip may be 20.3 to 23.0, whose resolver can backtrack for hours.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Conda is not { } conda)
        {
            yield break;
        }

        foreach (var pip in conda.Named("pip").Where(p => PipPins.HangRisk(conda, p)))
        {
            var why = pip.Spec!.Channel is not null ? $"pip is taken from '{pip.Spec.Channel}'" : "'conda-forge' is the first channel";
            var written = pip.Text.Value.Trim();
            var admits = pip.Spec.Version is null ? "does not pin pip, so it admits" : "admits";
            var pin = PipReleaseFacts.SuggestedPin(PipPins.Python(conda));
            var remedy = pin is not null
                ? $"Pin 'pip={pin}' (it runs on {PipPins.PythonName(conda)} and fails fast instead)."
                : $"Pin {PipReleaseFacts.GenericAdvice}: it fails fast instead.";
            yield return Report(pip.ValueSpan,
                $"{why} and '{written}' {admits} pip 20.3 to 23.0, whose resolver can backtrack for hours when this pip list " +
                $"cannot be resolved: the image build hangs until it times out. {remedy}",
                fix: pin is null ? null : PipPins.PinnedText(pip, pin));
        }
    }
}

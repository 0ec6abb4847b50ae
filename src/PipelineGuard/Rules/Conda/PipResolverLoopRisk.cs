using PipelineGuard.Analysis;
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
    public static readonly RuleInfo Rule = new("PG103", "pip-resolver-loop-risk", Severity.Warning,
        "conda-forge has the highest priority and pip may be 20.3 to 23.0, whose resolver can backtrack for hours.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Conda is not { } conda)
        {
            yield break;
        }

        // One finding per cause: the entries that narrow pip to the risky release, not a bare "- pip" beside them.
        var risky = conda.Named("pip").Where(p => PipPins.HangRisk(conda, p)).ToList();
        var narrowing = risky.Where(p => p.Spec?.Version is not null).ToList();
        foreach (var pip in narrowing.Count > 0 ? narrowing : risky)
        {
            var why = pip.Spec!.Channel is not null ? $"pip is taken from '{pip.Spec.Channel}'" : "'conda-forge' is the first channel";
            var written = pip.Text.Value.Trim();
            var on = PipPins.PythonName(conda) is { } python ? $" that runs on {python}" : string.Empty;
            var gets = pip.Spec.IsExactPin ? "pins pip to" : $"admits no pip of 23.1 or newer{on}, so conda installs";
            var pin = PipPins.SuggestedPin(conda, pip, keepOwnRange: false);
            var remedy = pin is not null
                ? $"Pin 'pip={pin}' (it runs on {PipPins.PythonName(conda)} and fails fast instead)."
                : $"Pin {PipReleaseFacts.GenericAdvice}: it fails fast instead.";
            // A warning: the loop needs a pip list that cannot be resolved, which no static check can see; such a list
            // fails the build with any pip, and the old resolver only turns a fast failure into hours. Exact pins of
            // every pip package leave it only their dependencies to backtrack over (Microsoft's curated environments).
            var exact = PipPins.AllPipPackagesExact(conda);
            yield return Report(pip.ValueSpan,
                $"{why} and '{written}' {gets} a release from 20.3 to 23.0, whose resolver can backtrack for hours when this pip list " +
                (exact
                    ? $"cannot be resolved; every pip package is pinned with '==', which leaves only their dependencies to backtrack over. {remedy}"
                    : $"cannot be resolved: the image build then hangs until it times out instead of failing. {remedy}"),
                fix: pin is null ? null : PipPins.PinnedText(pip, pin));
        }
    }
}

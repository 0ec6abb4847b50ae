using PipelineGuard.Analysis;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Conda;

/// <summary>
/// PG135: the conda spec's pip pins admit only pip versions that cannot run on the Python it pins. pip before
/// 23.1.2 (and 23.1.1) needs <c>distutils</c> and <c>pkgutil.ImpImporter</c>, both gone in Python 3.12
/// (pypa/pip#12358); pip 24.1 dropped 3.7, 25.1 dropped 3.8, 26.1 dropped 3.9. conda-forge's pip is noarch with
/// no upper Python bound, so conda installs it and the build fails when pip first runs. The classic case is the
/// old advice <c>pip=20.2.4</c> (or <c>pip&lt;20.3</c>) kept after moving to Python 3.12. Facts: docs/pip-compatibility.md.
/// </summary>
internal sealed class PipIncompatibleWithPython : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG135", "pip-incompatible-with-python", Severity.Error,
        "The pip the spec pins cannot run on the Python it pins (pip=20.2.4 with Python 3.12).");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Conda is not { } conda)
        {
            yield break;
        }

        foreach (var pip in conda.Named("pip").Where(p => PipPins.CannotRun(conda, p)))
        {
            var python = PipPins.PythonName(conda);
            var pin = PipPins.SuggestedPin(conda, pip, keepOwnRange: false);
            var remedy = pin is not null ? $"Pin 'pip={pin}', which runs on {python}." : $"Pin {PipReleaseFacts.GenericAdvice}.";
            yield return Report(pip.ValueSpan,
                $"'{pip.Text.Value.Trim()}' admits only pip versions that cannot run on {python}: conda installs it, and the " +
                $"image build fails as soon as pip runs. {remedy}",
                fix: pin is null ? null : PipPins.PinnedText(pip, pin));
        }
    }
}

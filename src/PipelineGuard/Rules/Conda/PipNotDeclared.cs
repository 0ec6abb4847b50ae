using PipelineGuard.Analysis;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Conda;

/// <summary>
/// PG101: a <c>pip:</c> list without <c>pip</c> among the conda dependencies. Conda then warns "you have
/// pip-installed dependencies in your environment file, but you do not list pip itself" and adds the newest pip
/// (and Python) itself: the build goes on, irreproducibly. Guide: "Pip not specified".
/// </summary>
internal sealed class PipNotDeclared : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG101", "pip-not-declared", Severity.Warning,
        "The conda spec installs pip packages but does not list pip itself.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Conda is { HasPipPackages: true } conda && !conda.Named("pip").Any())
        {
            var pin = PipReleaseFacts.SuggestedPin(PipPins.Python(conda));
            var example = pin is not null ? $"'- pip={pin}', which runs on {PipPins.PythonName(conda)}" : $"'- pip=<version>': {PipReleaseFacts.GenericAdvice}";
            // conda env create adds a pip itself ("I'm adding one for you, but still nagging you"), and with it a Python
            // when the spec has none, so the build goes on: with a pip (and Python) the spec did not choose. A
            // reproducibility risk, not a failure: a warning.
            yield return Report(conda.Pip!.Key,
                "the spec installs pip packages but does not list 'pip' among its conda dependencies; conda then warns " +
                "that pip is not listed and adds the newest pip itself" +
                (conda.Named("python").Any() ? string.Empty : " (and the newest Python with it, see PG111)") +
                $", so the build changes with each pip release. Add {example} to 'dependencies'.");
        }
    }
}

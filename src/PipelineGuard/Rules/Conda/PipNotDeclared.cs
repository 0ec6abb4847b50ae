using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Conda;

/// <summary>
/// PG101: a <c>pip:</c> list without <c>pip</c> among the conda dependencies. Conda then warns "you have
/// pip-installed dependencies in your environment file, but you do not list pip itself" and may run a
/// pip that is not the environment's own. Guide: "Pip not specified".
/// </summary>
internal sealed class PipNotDeclared : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG101", "pip-not-declared", Severity.Error,
        "The conda spec installs pip packages but does not list pip itself.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Conda is { HasPipPackages: true } conda && !conda.Named("pip").Any())
        {
            var pin = PipReleaseFacts.SuggestedPin(PipPins.Python(conda));
            var example = pin is not null ? $"'- pip={pin}', which runs on {PipPins.PythonName(conda)}" : $"'- pip=<version>': {PipReleaseFacts.GenericAdvice}";
            // conda adds pip to every Python it installs (add_pip_as_python_dependency), so with python in the spec the
            // build still finds a pip, only not one the spec chose: irreproducible, a warning. Without python in the
            // spec the environment may have no interpreter and no pip of its own to run the list with.
            var finding = Report(conda.Pip!.Key,
                "the spec installs pip packages but does not list 'pip' among its conda dependencies; conda then warns " +
                "that pip is not listed and may install them with a pip from outside the environment. " +
                $"Add {example} to 'dependencies'.");
            yield return conda.Named("python").Any() ? finding with { Severity = Severity.Warning } : finding;
        }
    }
}

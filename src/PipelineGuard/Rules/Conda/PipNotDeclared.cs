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
            yield return Report(conda.Pip!.Key,
                "the spec installs pip packages but does not list 'pip' among its conda dependencies; conda then warns " +
                "that pip is not listed and may install them with a pip from outside the environment. " +
                "Add '- pip=<version>' (e.g. '- pip=24.2') to 'dependencies'.");
        }
    }
}

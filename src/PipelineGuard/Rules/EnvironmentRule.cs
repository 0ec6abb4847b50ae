using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules;

/// <summary>Base of the rules that look at one environment at a time.</summary>
internal abstract class EnvironmentRule : IRule
{
    public abstract RuleInfo Info { get; }

    public IEnumerable<Finding> Check(RuleContext context) => context.Workspace.Environments.SelectMany(Check);

    protected abstract IEnumerable<Finding> Check(AmlEnvironment environment);

    protected Finding Report(SourceSpan span, string message, string? fix = null) => new(Info, Info.DefaultSeverity, message, span, fix);
}

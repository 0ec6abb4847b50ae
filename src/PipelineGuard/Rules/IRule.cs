using PipelineGuard.Model;

namespace PipelineGuard.Rules;

/// <summary>A check: a pure function from the workspace to findings. Rules never print and never read files.</summary>
internal interface IRule
{
    RuleInfo Info { get; }

    IEnumerable<Finding> Check(RuleContext context);
}

using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Online.Rules;

/// <summary>
/// An online rule: like a static rule, a pure function, of the workspace and the <see cref="IndexFacts"/> the lookups
/// gathered. It makes no request itself, and says nothing about what was not verified.
/// </summary>
internal interface IOnlineRule
{
    RuleInfo Info { get; }

    IEnumerable<Finding> Check(Workspace workspace, IndexFacts facts, OnlineOptions options);
}

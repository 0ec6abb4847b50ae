using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Documents;

/// <summary>
/// PG134: a <c># pipelineguard: ignore …</c> comment that suppresses nothing (the finding was fixed, or the ID is
/// wrong). Stale suppressions hide the next real finding on that line; remove them. Findings of this rule are made
/// by the suppression stage, which alone knows which comments matched; the rule itself reads nothing.
/// </summary>
internal sealed class UnusedSuppression : IRule
{
    public static readonly RuleInfo Rule = new("PG134", "unused-suppression", Severity.Notice,
        "An inline ignore comment suppresses no finding.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(Workspace workspace) => [];

    public static Finding For(SourceSpan comment, string ids) =>
        new(Rule, Rule.DefaultSeverity, $"this ignore comment suppresses no finding of {ids}; remove it (or fix its rule ID) so it cannot hide a new finding.", comment);
}

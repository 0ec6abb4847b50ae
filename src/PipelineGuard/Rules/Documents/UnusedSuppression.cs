using PipelineGuard.Model;

namespace PipelineGuard.Rules.Documents;

/// <summary>
/// PG134: a <c># pipelineguard: ignore …</c> comment that suppresses nothing (the finding was fixed, or the ID is
/// wrong). Stale suppressions hide the next real finding on that line; remove them. Not an <see cref="IRule"/>: only
/// the engine's suppression stage knows which comments matched a finding, so it makes these findings, with
/// <see cref="For"/>; <see cref="RuleCatalog"/> lists the rule beside the others.
/// </summary>
internal static class UnusedSuppression
{
    public static readonly RuleInfo Rule = new("PG134", "unused-suppression", Severity.Notice,
        "An inline ignore comment suppresses no finding.");

    public static Finding For(SourceSpan comment, string ids) =>
        new(Rule, Rule.DefaultSeverity, $"this ignore comment suppresses no finding of {ids}; remove it (or fix its rule ID) so it cannot hide a new finding.", comment);
}

using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Documents;

/// <summary>
/// PG113: a recognised file cannot be parsed or has the wrong shape. Azure ML rejects it at registration
/// ("Invalid conda dependencies", "Unexpected Dockerfile format") or conda fails on it at build time.
/// Readers record problems with their exact place; this rule reports them.
/// </summary>
internal sealed class InvalidDocument : IRule
{
    public static readonly RuleInfo Rule = new("PG113", "invalid-document", Severity.Error,
        "A recognised file cannot be parsed, or has the wrong shape.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context) =>
        context.Workspace.Documents.SelectMany(d => d.Problems
            .Where(p => !(d.Kind == DocumentKind.Dockerfile && IsUnknownInstruction(p)))
            .Select(p => new Finding(Rule, Rule.DefaultSeverity, Sentence(p.Message), p.Span)));

    /// <summary>Where PipelineGuard stopped at one of its own bounds, Azure ML may well use the file: not said then.</summary>
    private static string Sentence(string message) =>
        PipelineGuard.Documents.Tree.ReadingBound.IsBound(message) ? message : message + "; Azure ML cannot use this file until it is fixed.";

    /// <summary>Unknown Dockerfile instructions have their own rule, PG132 (with a "did you mean" fix).</summary>
    private static bool IsUnknownInstruction(ParseProblem problem) =>
        problem.Message.StartsWith("unknown instruction: ", StringComparison.Ordinal);
}

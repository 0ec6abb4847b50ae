using PipelineGuard.Documents.Pip;
using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Rules.Pip;

/// <summary>
/// PG122: a pip entry is not a valid PEP 508 requirement, e.g. <c>numpy=1.19</c> (conda's single '=') in a
/// <c>pip:</c> list. pip stops with "Invalid requirement" and the whole image build fails.
/// Guide: "Invalid operator" (<c>Hint: = is not a valid operator. Did you mean == ?</c>).
/// </summary>
internal sealed class InvalidPipRequirement : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG122", "invalid-pip-requirement", Severity.Error,
        "A pip entry is not a valid PEP 508 requirement (e.g. 'numpy=1.19', a conda habit).");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        foreach (var finding in FoldedEntries(environment))
        {
            yield return finding;
        }

        foreach (var requirement in environment.PipRequirements.SelectMany(d => d.Requirements))
        {
            // URLs, VCS references and local paths are pip's own forms, not PEP 508 names; placeholders and
            // ${VARS} are filled in before pip reads the line.
            var text = requirement.Requirement.Value;
            if (requirement.Kind is not (RequirementKind.Named or RequirementKind.Url) || requirement.IsEditable ||
                text.Contains("{{", StringComparison.Ordinal) || text.Contains("${", StringComparison.Ordinal) ||
                (requirement.Kind == RequirementKind.Url && !text.Contains('@', StringComparison.Ordinal)))
            {
                continue;
            }

            if (!Pep508Requirement.TryParse(text, out _, out var error))
            {
                var span = requirement.SpanOf(error.Offset, Math.Max(1, Math.Min(error.Length, text.Length - error.Offset)));
                var fix = error.SuggestedFix is { } suggested && !error.Message.Contains(suggested, StringComparison.Ordinal)
                    ? $" Write '{suggested}'."
                    : string.Empty;
                yield return Report(span,
                    $"'{text.Trim()}' is not a valid pip requirement: {error.Message.TrimEnd('.')}. pip stops with " +
                    $"'Invalid requirement' and the image build fails.{fix}",
                    error.SuggestedFix) with { FixSpan = error.SuggestedFix is null ? null : requirement.Requirement.Span };
            }
        }
    }

    /// <summary>
    /// A pip list item indented deeper than the one before it is not a new item: YAML folds it into the previous
    /// scalar, so "- numpy==1.26.4" followed by a deeper "- pandas==2.2.3" is the one entry "numpy==1.26.4 - pandas==2.2.3".
    /// pip reads it as numpy with the option "-" and drops pandas without a word (pip 23.2.1 does: checked with its
    /// own requirement parser), so pandas is missing at run time.
    /// </summary>
    private IEnumerable<Finding> FoldedEntries(AmlEnvironment environment)
    {
        foreach (var entry in environment.Conda?.Pip?.Entries ?? [])
        {
            var text = entry.Value;
            var fold = text.IndexOf(" - ", StringComparison.Ordinal);
            if (entry.Span.EndLine > entry.Span.Line && fold > 0 && fold + 3 < text.Length && !char.IsWhiteSpace(text[fold + 3]))
            {
                var first = text[..fold].Trim();
                var rest = text[(fold + 3)..].Trim();
                yield return Report(entry.Span,
                    $"'{first}' and '{rest}' are folded into one pip entry: the second item is indented deeper than the first, so " +
                    $"YAML reads it as part of the first. pip installs '{first}' and silently drops '{rest}'. Indent both items the same.");
            }
        }
    }
}

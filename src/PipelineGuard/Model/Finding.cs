using System.Collections.Immutable;

namespace PipelineGuard.Model;

/// <summary>
/// One problem found by one rule at one place. Immutable: later stages (suppression, baseline,
/// severity overrides) make changed copies with <c>with</c>.
/// </summary>
internal sealed record Finding(
    RuleInfo Rule,
    Severity Severity,
    string Message,
    SourceSpan Span,
    string? Fix = null)
{
    public ImmutableArray<RelatedLocation> Related { get; init; } = [];

    /// <summary>
    /// A span of the source that holds a secret (a registry password, a token in a URL). Every reporter that
    /// shows source text masks it; messages never contain it.
    /// </summary>
    public SourceSpan? Secret { get; init; }

    /// <summary>
    /// The text that <see cref="Fix"/> replaces, when it is not the finding's own span (PG122 points at the offending
    /// character but its fix is the whole corrected requirement). A fix is always a replacement of source text, so
    /// it can be applied and checked again.
    /// </summary>
    public SourceSpan? FixSpan { get; init; }

    /// <summary>Where <see cref="Fix"/> applies: <see cref="FixSpan"/>, else the finding's span.</summary>
    public SourceSpan FixTarget => FixSpan ?? Span;

    public string RuleId => Rule.Id;
}

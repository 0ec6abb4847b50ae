using PipelineGuard.Model;

namespace PipelineGuard.Engine.Fixes;

/// <summary>One fix placed in its file's text: the 0-based [Start, End) range it replaces and what goes there.</summary>
internal sealed record FixEdit(Finding Finding, int Start, int End, string Replacement)
{
    /// <summary>
    /// Two edits conflict when their ranges overlap, or when an insertion (an empty range) touches the other edit: which
    /// one goes first would change the result, so only the first is applied.
    /// </summary>
    public bool Conflicts(FixEdit other) =>
        (Start < other.End && other.Start < End) ||
        ((Start == End || other.Start == other.End) && Start <= other.End && other.Start <= End);
}

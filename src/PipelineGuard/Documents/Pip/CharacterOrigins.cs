using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// The text pip would read (the "virtual content") and where each of its characters sits in the
/// real source. For a requirements file the two are the same; for the <c>pip:</c> list of a conda
/// file the virtual content is the list written one entry per line, as Azure ML and conda do.
/// </summary>
internal abstract class CharacterOrigins
{
    public abstract string Content { get; }

    /// <summary>The span from the start of virtual offset <paramref name="start"/> to the end of
    /// virtual offset <paramref name="end"/> - 1 (a point when they are equal).</summary>
    public abstract SourceSpan Span(int start, int end);
}

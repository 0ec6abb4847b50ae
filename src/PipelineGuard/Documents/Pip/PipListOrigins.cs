using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// The <c>pip:</c> list of a conda environment file as the requirements file Azure ML / conda write
/// from it (entries joined with "\n"), mapped back to the YAML scalars.
/// <para>
/// Where a character of an entry sits is derived from the scalar's span: a one-line span exactly as
/// long as the value is a plain scalar (offset 0); one that is two longer is a quoted scalar with no
/// escapes (offset 1, past the opening quote). Anything else (escapes, folded or block scalars) has
/// no exact per-character map, and every character maps to the whole scalar.
/// </para>
/// </summary>
internal sealed class PipListOrigins : CharacterOrigins
{
    private readonly Segment[] _segments;

    public PipListOrigins(IReadOnlyList<Located<string>> entries)
    {
        _segments = new Segment[entries.Count];
        var content = new System.Text.StringBuilder();
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                content.Append('\n');
            }

            var entry = entries[i];
            var span = entry.Span;
            var width = span.Line == span.EndLine ? span.EndColumn - span.Column : -1;
            int? shift = width == entry.Value.Length ? 0 : width == entry.Value.Length + 2 ? 1 : null;
            _segments[i] = new Segment(content.Length, entry.Value.Length, span, shift);
            content.Append(entry.Value);
        }

        Content = content.ToString();
    }

    public override string Content { get; }

    public override SourceSpan Span(int start, int end)
    {
        if (_segments.Length == 0)
        {
            return new SourceSpan(string.Empty, 1, 1, 1, 1);
        }

        var (startLine, startColumn) = PositionOf(start, atEnd: false);
        var (endLine, endColumn) = end > start ? PositionOf(end - 1, atEnd: true) : (startLine, startColumn);
        return _segments[0].Span with { Line = startLine, Column = startColumn, EndLine = endLine, EndColumn = endColumn };
    }

    /// <summary>Start (or end, just after) of the character at a virtual offset.</summary>
    private (int Line, int Column) PositionOf(int offset, bool atEnd)
    {
        var segment = SegmentOf(offset);
        var span = segment.Span;
        var inside = offset - segment.Start;
        if (segment.Shift is not { } shift || inside >= segment.Length)
        {
            // The "\n" between entries, or an entry with no exact map: the scalar's own bounds.
            return atEnd || inside >= segment.Length ? (span.EndLine, span.EndColumn) : (span.Line, span.Column);
        }

        var column = span.Column + shift + inside + (atEnd ? 1 : 0);
        return (span.Line, column);
    }

    private Segment SegmentOf(int offset)
    {
        var low = 0;
        var high = _segments.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (_segments[mid].Start <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return _segments[low];
    }

    private readonly record struct Segment(int Start, int Length, SourceSpan Span, int? Shift);
}

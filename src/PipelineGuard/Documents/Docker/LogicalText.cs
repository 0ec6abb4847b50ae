using System.Text;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// Text assembled from pieces of a file (an instruction joined across continuation lines, a
/// heredoc body, a word's value) with, for every character, the offset in
/// <see cref="SourceText.Content"/> it came from. BuildKit joins continuation lines by dropping the
/// escape character and the line end (parser.go <c>trimContinuationCharacter</c>), so a token of the
/// logical text may start on one physical line and end on another; this map gives its exact span.
/// </summary>
internal sealed class LogicalText
{
    // One entry per character plus a sentinel: where an empty range at the very end points.
    private readonly int[] _sourceOffsets;

    public LogicalText(SourceText source, string text, int[] sourceOffsets)
    {
        Source = source;
        Text = text;
        if (sourceOffsets.Length == text.Length + 1)
        {
            _sourceOffsets = sourceOffsets;
        }
        else
        {
            // Be forgiving about a missing sentinel rather than throwing.
            _sourceOffsets = new int[text.Length + 1];
            Array.Copy(sourceOffsets, _sourceOffsets, Math.Min(sourceOffsets.Length, _sourceOffsets.Length));
            for (var i = Math.Min(sourceOffsets.Length, _sourceOffsets.Length); i < _sourceOffsets.Length; i++)
            {
                _sourceOffsets[i] = i == 0 ? 0 : _sourceOffsets[i - 1] + 1;
            }
        }
    }

    public SourceText Source { get; }

    public string Text { get; }

    public int Length => Text.Length;

    public override string ToString() => Text;

    /// <summary>Offset in the file of the logical character at <paramref name="index"/> (0..Length).</summary>
    public int SourceOffsetOf(int index) => _sourceOffsets[Math.Clamp(index, 0, Text.Length)];

    /// <summary>Exact file span of <paramref name="length"/> logical characters from <paramref name="start"/>.</summary>
    public SourceSpan SpanOf(int start, int length)
    {
        start = Math.Clamp(start, 0, Text.Length);
        length = Math.Clamp(length, 0, Text.Length - start);
        var from = _sourceOffsets[start];
        if (length == 0)
        {
            return Source.SpanOf(from, 0);
        }

        // The end is just after the LAST character, not the offset of the next one: the next
        // logical character may sit on a later line after a continuation.
        var to = _sourceOffsets[start + length - 1] + 1;
        return Source.SpanOf(from, Math.Max(0, to - from));
    }

    /// <summary>The characters [start, end) as their own logical text, still mapped to the file.</summary>
    public LogicalText Slice(int start, int end)
    {
        start = Math.Clamp(start, 0, Text.Length);
        end = Math.Clamp(end, start, Text.Length);
        var offsets = new int[end - start + 1];
        Array.Copy(_sourceOffsets, start, offsets, 0, end - start);
        offsets[^1] = end > start ? _sourceOffsets[end - 1] + 1 : _sourceOffsets[start];
        return new LogicalText(Source, Text[start..end], offsets);
    }

    /// <summary>Builds a logical text piece by piece.</summary>
    internal sealed class Builder(SourceText source)
    {
        private readonly StringBuilder _text = new();
        private readonly List<int> _offsets = [];

        public int Length => _text.Length;

        public void Append(char c, int sourceOffset)
        {
            _text.Append(c);
            _offsets.Add(sourceOffset);
        }

        /// <summary>Appends the file's characters [start, end) verbatim.</summary>
        public void AppendSource(int start, int end)
        {
            _text.Append(source.Content, start, end - start);
            for (var i = start; i < end; i++)
            {
                _offsets.Add(i);
            }
        }

        public LogicalText Build(int endSourceOffset)
        {
            _offsets.Add(endSourceOffset);
            return new LogicalText(source, _text.ToString(), [.. _offsets]);
        }
    }
}

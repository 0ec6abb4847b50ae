using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// A string built from source characters (joined continuation lines, shlex-unquoted tokens,
/// expanded variables) that remembers, per character, the virtual-content range it came from,
/// so any substring gets an exact <see cref="SourceSpan"/>.
/// </summary>
internal sealed class MappedText
{
    // The origins of character i are _starts[_offset + i] and _ends[_offset + i]: a slice shares its parent's arrays
    // (a monorepo slices every requirement line out of its file's text, and copying the maps was a tenth of the
    // allocation of reading requirements). Without arrays, the text is the content from _offset on, character for
    // character: most requirement lines are, and need no map at all.
    private readonly int[]? _starts;
    private readonly int[]? _ends;
    private readonly int _offset;
    private readonly int _anchor;

    private MappedText(string text, int[]? starts, int[]? ends, int offset, int anchor, CharacterOrigins origins)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
        _offset = offset;
        _anchor = anchor;
        Origins = origins;
    }

    public string Text { get; }

    /// <summary><paramref name="length"/> characters of the content from <paramref name="start"/>, as they are.</summary>
    public static MappedText OfContent(CharacterOrigins origins, int start, int length) =>
        new(origins.Content.Substring(start, length), null, null, start, start, origins);

    private int StartAt(int index) => _starts is null ? _offset + index : _starts[_offset + index];

    private int EndAt(int index) => _ends is null ? _offset + index + 1 : _ends[_offset + index];

    public int Length => Text.Length;

    public CharacterOrigins Origins { get; }

    public SourceSpan Span => SpanOf(0, Text.Length);

    /// <summary>The source span of <paramref name="length"/> characters from <paramref name="start"/> (clamped).</summary>
    public SourceSpan SpanOf(int start, int length)
    {
        start = Math.Clamp(start, 0, Text.Length);
        length = Math.Clamp(length, 0, Text.Length - start);
        if (length == 0)
        {
            var at = start < Text.Length ? StartAt(start) : Text.Length > 0 ? EndAt(Text.Length - 1) : _anchor;
            return Origins.Span(at, at);
        }

        return Origins.Span(StartAt(start), EndAt(start + length - 1));
    }

    public Located<string> Locate(int start, int length) => new(Text.Substring(start, length), SpanOf(start, length));

    public Located<string> Locate() => new(Text, Span);

    public MappedText Slice(int start, int length)
    {
        var anchor = start < Text.Length ? StartAt(start) : Text.Length > 0 ? EndAt(Text.Length - 1) : _anchor;
        return new MappedText(Text.Substring(start, length), _starts, _ends, _offset + start, anchor, Origins);
    }
    public sealed class Builder(CharacterOrigins origins, int anchor)
    {
        private readonly System.Text.StringBuilder _text = new();
        private readonly List<int> _starts = [];
        private readonly List<int> _ends = [];

        public int Length => _text.Length;

        /// <summary>A character that stands for the virtual range [start, end).</summary>
        public void Append(char c, int start, int end)
        {
            _text.Append(c);
            _starts.Add(start);
            _ends.Add(end);
        }

        public void AppendContent(int start, int length)
        {
            _text.Append(origins.Content, start, length);
            _starts.EnsureCapacity(_starts.Count + length);
            _ends.EnsureCapacity(_ends.Count + length);
            for (var i = start; i < start + length; i++)
            {
                _starts.Add(i);
                _ends.Add(i + 1);
            }
        }

        /// <summary>Character <paramref name="index"/> of <paramref name="source"/>, keeping its origin.</summary>
        public void AppendFrom(MappedText source, int index) =>
            Append(source.Text[index], source.StartAt(index), source.EndAt(index));

        public MappedText Build() => new(_text.ToString(), [.. _starts], [.. _ends], 0, anchor, origins);
    }

    /// <summary>The origin range of a character, for code that re-maps text (variable expansion).</summary>
    internal (int Start, int End) OriginOf(int index) => (StartAt(index), EndAt(index));
}

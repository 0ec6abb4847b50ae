using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// A string built from source characters (joined continuation lines, shlex-unquoted tokens,
/// expanded variables) that remembers, per character, the virtual-content range it came from,
/// so any substring gets an exact <see cref="SourceSpan"/>.
/// </summary>
internal sealed class MappedText
{
    private readonly int[] _starts;
    private readonly int[] _ends;
    private readonly int _anchor;

    private MappedText(string text, int[] starts, int[] ends, int anchor, CharacterOrigins origins)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
        _anchor = anchor;
        Origins = origins;
    }

    public string Text { get; }

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
            var at = start < Text.Length ? _starts[start] : Text.Length > 0 ? _ends[^1] : _anchor;
            return Origins.Span(at, at);
        }

        return Origins.Span(_starts[start], _ends[start + length - 1]);
    }

    public Located<string> Locate(int start, int length) => new(Text.Substring(start, length), SpanOf(start, length));

    public Located<string> Locate() => new(Text, Span);

    public MappedText Slice(int start, int length)
    {
        var anchor = start < Text.Length ? _starts[start] : Text.Length > 0 ? _ends[^1] : _anchor;
        return new MappedText(Text.Substring(start, length), _starts[start..(start + length)], _ends[start..(start + length)], anchor, Origins);
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
            for (var i = start; i < start + length; i++)
            {
                Append(origins.Content[i], i, i + 1);
            }
        }

        /// <summary>Character <paramref name="index"/> of <paramref name="source"/>, keeping its origin.</summary>
        public void AppendFrom(MappedText source, int index) =>
            Append(source.Text[index], source._starts[index], source._ends[index]);

        public MappedText Build() => new(_text.ToString(), [.. _starts], [.. _ends], anchor, origins);
    }

    /// <summary>The origin range of a character, for code that re-maps text (variable expansion).</summary>
    internal (int Start, int End) OriginOf(int index) => (_starts[index], _ends[index]);
}

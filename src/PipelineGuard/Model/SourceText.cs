namespace PipelineGuard.Model;

/// <summary>
/// The text of one input file as read once from disk, with the line table that turns an offset
/// into a 1-based line and column. A UTF-8 BOM is dropped; CRLF and LF line ends are both lines.
/// </summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string content)
    {
        Path = path;
        Content = content.Length > 0 && content[0] == '\uFEFF' ? content[1..] : content;
        var starts = new List<int> { 0 };
        for (var i = 0; i < Content.Length; i++)
        {
            if (Content[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>Display path: relative to the working directory, '/' separators.</summary>
    public string Path { get; }

    public string Content { get; }

    public int LineCount => _lineStarts.Length;

    /// <summary>The text of a 1-based line, without its line end ("\r\n" or "\n").</summary>
    public string GetLine(int line)
    {
        if (line < 1 || line > _lineStarts.Length)
        {
            return string.Empty;
        }

        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] - 1 : Content.Length;
        if (end > start && Content[end - 1] == '\r')
        {
            end--;
        }

        return Content[start..Math.Max(start, end)];
    }

    /// <summary>1-based line and column of a 0-based offset into <see cref="Content"/>.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Content.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>The span of <paramref name="length"/> characters starting at a 0-based offset.</summary>
    public SourceSpan SpanOf(int offset, int length)
    {
        var (line, column) = PositionOf(offset);
        var (endLine, endColumn) = PositionOf(offset + length);
        return new SourceSpan(Path, line, column, endLine, endColumn);
    }

    /// <summary>The span of a 1-based line, from its first to its last non-blank character.</summary>
    public SourceSpan SpanOfLine(int line)
    {
        var text = GetLine(line);
        var first = text.Length - text.TrimStart().Length;
        var last = text.TrimEnd().Length;
        return last <= first
            ? new SourceSpan(Path, line, 1, line, 1)
            : new SourceSpan(Path, line, first + 1, line, last + 1);
    }
}

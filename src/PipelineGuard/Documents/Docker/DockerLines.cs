using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// The physical lines of a Dockerfile (line ends "\n" or "\r\n" excluded, as Go's
/// <c>bufio.ScanLines</c> gives them to BuildKit) and a cursor over them: instructions and heredoc
/// bodies consume lines in order.
/// </summary>
internal sealed class DockerLines
{
    private readonly List<(int Start, int End)> _lines = [];

    public DockerLines(SourceText source)
    {
        Source = source;
        var content = source.Content;
        var start = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == '\n')
            {
                _lines.Add((start, i > start && content[i - 1] == '\r' ? i - 1 : i));
                start = i + 1;
            }
        }

        if (start < content.Length)
        {
            _lines.Add((start, content.Length));
        }
    }

    public SourceText Source { get; }

    public int Count => _lines.Count;

    /// <summary>Index (0-based) of the next line to read.</summary>
    public int Next { get; set; }

    public bool AtEnd => Next >= _lines.Count;

    /// <summary>Offsets [Start, End) of a 0-based line in the content.</summary>
    public (int Start, int End) this[int index] => _lines[index];


    /// <summary>Offset of the first non-blank character, or End for a blank line.</summary>
    public int FirstNonBlank(int index)
    {
        var (start, end) = _lines[index];
        var content = Source.Content;
        while (start < end && char.IsWhiteSpace(content[start]))
        {
            start++;
        }

        return start;
    }

    public bool IsBlank(int index) => FirstNonBlank(index) == _lines[index].End;

    /// <summary>A comment line: its first non-blank character is '#'.</summary>
    public bool IsComment(int index)
    {
        var first = FirstNonBlank(index);
        return first < _lines[index].End && Source.Content[first] == '#';
    }
}

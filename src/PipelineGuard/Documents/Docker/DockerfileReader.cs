using System.Collections.Immutable;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// Reads a Dockerfile the way BuildKit's dockerfile frontend does
/// (https://github.com/moby/buildkit/blob/master/frontend/dockerfile/parser/parser.go):
/// parser directives, comments, continuation lines, heredocs; then each instruction's flags and
/// arguments (<see cref="DockerInstructionParser"/>). Every token keeps its exact position in the
/// file. Never throws; problems are returned in <see cref="DockerfileDocument.Problems"/>.
/// </summary>
internal static class DockerfileReader
{
    /// <summary>
    /// Characters read at most: five times the 100 KB Azure ML accepts (PG129 reports a longer file). What a
    /// longer file says past this point is not read (docs/limits.md), so its size costs nothing more.
    /// </summary>
    public const int MaxChars = 512 * 1024;

    private static readonly HashSet<string> ValidDirectives = new(StringComparer.Ordinal) { "syntax", "escape", "check" };

    public static DockerfileDocument Read(SourceText text)
    {
        var lines = new DockerLines(text);
        var problems = new List<ParseProblem>();
        var comments = ImmutableArray.CreateBuilder<Located<string>>();
        var emptyContinuations = ImmutableArray.CreateBuilder<int>();
        var instructions = ImmutableArray.CreateBuilder<DockerInstruction>();
        var directives = ReadDirectives(lines, problems, out var escape);
        var parser = new DockerInstructionParser(lines, escape, problems);

        while (!lines.AtEnd)
        {
            var index = lines.Next;
            if (lines[index].Start >= MaxChars)
            {
                // Said once: a line cut at the bound has said it already.
                if (!problems.Exists(p => ReferenceEquals(p.Message, TooLong)))
                {
                    problems.Add(new ParseProblem(text.SpanOf(lines[index].Start, 0), TooLong));
                }

                break;
            }

            if (lines.IsBlank(index))
            {
                lines.Next++;
                continue;
            }

            if (lines.IsComment(index))
            {
                comments.Add(Comment(lines, index));
                lines.Next++;
                continue;
            }

            var logical = JoinContinuationLines(lines, escape, problems, comments, emptyContinuations);
            instructions.Add(parser.Parse(logical, readHeredocs: true));
        }

        if (instructions.Count == 0)
        {
            problems.Add(new ParseProblem(new SourceSpan(text.Path, 1, 1, 1, 1), "file with no instructions"));
        }

        return new DockerfileDocument(
            text,
            directives,
            escape,
            instructions.ToImmutable(),
            comments.ToImmutable(),
            emptyContinuations.ToImmutable(),
            [.. problems]);
    }

    private static readonly string TooLong =
        $"the Dockerfile is longer than {MaxChars / 1024} KB; PipelineGuard stops reading it here ({Tree.ReadingBound.Marker}). " +
        "Azure ML accepts 100 KB: move scripts and package lists into files of the build context.";

    /// <summary>
    /// Directives are comment lines <c># name=value</c> at the very top; the first line that is
    /// not one (an instruction, another comment, a blank line) ends them. Unknown names end them
    /// too and are plain comments (parser.go <c>possibleParserDirective</c>).
    /// </summary>
    private static ImmutableArray<ParserDirective> ReadDirectives(DockerLines lines, List<ParseProblem> problems, out char escape)
    {
        escape = '\\';
        var result = ImmutableArray.CreateBuilder<ParserDirective>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var content = lines.Source.Content;
        while (!lines.AtEnd)
        {
            var index = lines.Next;
            if (!TryDirective(content, lines.FirstNonBlank(index), lines[index].End, out var nameRange, out var valueRange))
            {
                break;
            }

            var name = content[nameRange.Start..nameRange.End].ToLowerInvariant();
            if (!ValidDirectives.Contains(name))
            {
                break;
            }

            var source = lines.Source;
            var value = content[valueRange.Start..valueRange.End];
            var nameSpan = source.SpanOf(nameRange.Start, nameRange.End - nameRange.Start);
            var valueSpan = source.SpanOf(valueRange.Start, valueRange.End - valueRange.Start);
            lines.Next++;
            if (!seen.Add(name))
            {
                problems.Add(new ParseProblem(nameSpan, $"only one {name} parser directive can be used"));
                continue;
            }

            if (name == "escape")
            {
                if (value is "`" or "\\")
                {
                    escape = value[0];
                }
                else
                {
                    problems.Add(new ParseProblem(valueSpan, $"invalid escape token '{value}' does not match ` or \\"));
                }
            }

            result.Add(new ParserDirective(
                new Located<string>(name, nameSpan),
                new Located<string>(value, valueSpan),
                lines.Source.SpanOfLine(index + 1)));
        }

        return result.ToImmutable();
    }

    // ^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$ (parser.go reDirectives), hand-written.
    private static bool TryDirective(string s, int i, int end, out (int Start, int End) name, out (int Start, int End) value)
    {
        name = value = default;
        if (i >= end || s[i] != '#')
        {
            return false;
        }

        i = SkipBlanks(s, i + 1, end);
        if (i >= end || !char.IsAsciiLetter(s[i]))
        {
            return false;
        }

        var nameStart = i;
        while (i < end && char.IsAsciiLetterOrDigit(s[i]))
        {
            i++;
        }

        name = (nameStart, i);
        i = SkipBlanks(s, i, end);
        if (i >= end || s[i] != '=')
        {
            return false;
        }

        i = SkipBlanks(s, i + 1, end);
        var valueEnd = end;
        while (valueEnd > i && char.IsWhiteSpace(s[valueEnd - 1]))
        {
            valueEnd--;
        }

        value = (i, valueEnd);
        return valueEnd > i;
    }

    private static int SkipBlanks(string s, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// One logical line from the current line on: a trailing escape character (blanks after it
    /// allowed) joins the next line without the escape and the line end. Comment lines inside
    /// are dropped, blank ones skipped (BuildKit warns "Empty continuation line"). The first
    /// line loses its leading blanks; later lines keep theirs, as in BuildKit.
    /// </summary>
    private static LogicalText JoinContinuationLines(
        DockerLines lines,
        char escape,
        List<ParseProblem> problems,
        ImmutableArray<Located<string>>.Builder comments,
        ImmutableArray<int>.Builder emptyContinuations)
    {
        var source = lines.Source;
        var builder = new LogicalText.Builder(source);
        var index = lines.Next;
        var start = lines.FirstNonBlank(index);
        var continued = AppendLine(source, builder, problems, start, lines[index].End, escape, out var escapeAt, out var lastEnd);
        lines.Next++;
        while (continued)
        {
            if (lines.AtEnd)
            {
                problems.Add(new ParseProblem(source.SpanOf(escapeAt, 1), "line continuation at end of file: the instruction has no next line"));
                break;
            }

            if (lines[lines.Next].Start >= MaxChars)
            {
                break;
            }

            index = lines.Next++;
            if (lines.IsComment(index))
            {
                comments.Add(Comment(lines, index));
                continue;
            }

            if (lines.IsBlank(index))
            {
                emptyContinuations.Add(index + 1);
                continue;
            }

            continued = AppendLine(source, builder, problems, lines[index].Start, lines[index].End, escape, out escapeAt, out var end);
            lastEnd = end;
        }

        return builder.Build(lastEnd);
    }

    // Appends content[start, end) minus a trailing "<escape>[ \t]*"; true when that was there.
    private static bool AppendLine(
        SourceText source, LogicalText.Builder builder, List<ParseProblem> problems, int start, int end, char escape, out int escapeAt, out int contentEnd)
    {
        var s = source.Content;
        if (end > MaxChars)
        {
            // One line that runs past the bound: read up to it, and say where reading stopped.
            end = Math.Max(start, MaxChars);
            problems.Add(new ParseProblem(source.SpanOf(end, 0), TooLong));
        }

        var last = end;
        while (last > start && s[last - 1] is ' ' or '\t')
        {
            last--;
        }

        escapeAt = last - 1;
        var continued = last > start && s[last - 1] == escape;
        var segmentEnd = continued ? last - 1 : end;
        builder.AppendSource(start, segmentEnd);
        contentEnd = continued ? segmentEnd : last;
        return continued;
    }

    private static Located<string> Comment(DockerLines lines, int index)
    {
        var first = lines.FirstNonBlank(index);
        var text = lines.Source.Content[(first + 1)..lines[index].End].Trim();
        return new Located<string>(text, lines.Source.SpanOfLine(index + 1));
    }
}

using System.Collections.Immutable;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// Turns one logical line into a <see cref="DockerInstruction"/>: keyword, builder flags,
/// heredocs (reading their bodies from the following lines), exec or shell form, and the typed
/// view of the instruction (BuildKit parser/line_parsers.go and instructions/parse.go).
/// </summary>
internal sealed partial class DockerInstructionParser(DockerLines lines, char escape, List<ParseProblem> problems)
{
    private static readonly HashSet<string> ExecFormKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME",
    };

    private static readonly HashSet<string> AtLeastOneArgument = new(StringComparer.OrdinalIgnoreCase)
    {
        "RUN", "ARG", "ENV", "EXPOSE", "LABEL", "VOLUME", "HEALTHCHECK", "ONBUILD",
    };

    private static readonly HashSet<string> ExactlyOneArgument = new(StringComparer.OrdinalIgnoreCase)
    {
        "USER", "WORKDIR", "STOPSIGNAL", "MAINTAINER",
    };

    private SourceText Source => lines.Source;

    private char EscapeCharacter => escape;

    private List<ParseProblem> ProblemList => problems;

    /// <summary>Parses <paramref name="text"/>; heredoc bodies are read from the lines after it when <paramref name="readHeredocs"/>.</summary>
    public DockerInstruction Parse(LogicalText text, bool readHeredocs)
    {
        var s = text.Text;
        var keywordStart = 0;
        while (keywordStart < s.Length && char.IsWhiteSpace(s[keywordStart]))
        {
            keywordStart++;
        }

        var keywordEnd = keywordStart;
        while (keywordEnd < s.Length && !char.IsWhiteSpace(s[keywordEnd]))
        {
            keywordEnd++;
        }

        var argsEnd = s.Length;
        while (argsEnd > keywordEnd && char.IsWhiteSpace(s[argsEnd - 1]))
        {
            argsEnd--;
        }

        var keyword = new Located<string>(s[keywordStart..keywordEnd], text.SpanOf(keywordStart, keywordEnd - keywordStart));
        var upper = keyword.Value.ToUpperInvariant();

        // Flags: the leading words that start with "--" (parser.go extractBuilderFlags).
        var words = DockerWordLexer.Split(text, keywordEnd, argsEnd, escape);
        var flags = ImmutableArray.CreateBuilder<DockerFlag>();
        var firstArgument = 0;
        while (firstArgument < words.Count && string.CompareOrdinal(s, words[firstArgument].Start, "--", 0, 2) == 0)
        {
            flags.Add(ParseFlag(text, words[firstArgument].Start, words[firstArgument].End));
            firstArgument++;
        }

        var argsStart = firstArgument < words.Count ? words[firstArgument].Start : argsEnd;
        var args = text.Slice(argsStart, argsEnd);
        var argWords = DockerWordLexer.Split(args, 0, args.Length, escape);

        var heredocs = readHeredocs && DockerKeywords.AllowsHeredocs(upper) ? ReadHeredocs(args, argWords) : [];

        var exec = ExecFormKeywords.Contains(upper) ? JsonStringArray.TryParse(args.Text, 0, args.Length) : null;
        var execForm = exec is null
            ? []
            : exec.Select(e => new Located<string>(e.Value, args.SpanOf(e.ContentStart, e.ContentEnd - e.ContentStart))).ToImmutableArray();

        var spanStart = text.SourceOffsetOf(keywordStart);
        var spanEnd = text.SourceOffsetOf(text.Length);
        if (!heredocs.IsEmpty)
        {
            var last = heredocs[^1];
            spanEnd = last.Terminator is { } terminator ? lines[terminator.Line - 1].End : last.Body.SourceOffsetOf(last.Body.Length);
        }

        var flagList = flags.ToImmutable();
        var view = new Views(this, upper, keyword, args, argWords, exec, execForm, flagList, heredocs);
        return new DockerInstruction
        {
            Keyword = keyword,
            Span = Source.SpanOf(spanStart, Math.Max(0, spanEnd - spanStart)),
            Text = text,
            Flags = flagList,
            Arguments = args,
            Words = [.. argWords.Select(w => DockerWordLexer.Located(args, w.Start, w.End, escape, null))],
            IsExecForm = exec is not null,
            ExecForm = execForm,
            Heredocs = heredocs,
            From = view.From(),
            Run = view.Run(),
            Copy = view.Copy(),
            KeyValues = view.KeyValues(),
            SingleArgument = view.SingleArgument(),
            OnBuildInner = view.OnBuild(),
        };
    }

    // --name, --name=value; a value is split on ',' into options (key=value,key2=value2).
    private DockerFlag ParseFlag(LogicalText text, int start, int end)
    {
        var s = text.Text;
        var equals = s.IndexOf('=', start, end - start);
        var nameEnd = equals < 0 ? end : equals;
        var name = new Located<string>(s[(start + 2)..nameEnd], text.SpanOf(start + 2, nameEnd - start - 2));
        if (equals < 0)
        {
            return new DockerFlag(name, null, text.SpanOf(start, end - start), []);
        }

        var value = DockerWordLexer.Located(text, equals + 1, end, escape, problems);
        var options = ImmutableArray.CreateBuilder<DockerFlagOption>();
        var partStart = equals + 1;
        var quote = '\0';
        for (var i = equals + 1; i <= end; i++)
        {
            var c = i < end ? s[i] : ',';
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                continue;
            }

            if (c != ',' || i == partStart)
            {
                if (c == ',')
                {
                    partStart = i + 1;
                }

                continue;
            }

            var optionEquals = s.IndexOf('=', partStart, i - partStart);
            var keyEnd = optionEquals < 0 ? i : optionEquals;
            var key = DockerWordLexer.Located(text, partStart, keyEnd, escape, null);
            var optionValue = optionEquals < 0 ? null : DockerWordLexer.Located(text, optionEquals + 1, i, escape, null);
            options.Add(new DockerFlagOption(key, optionValue));
            partStart = i + 1;
        }

        return new DockerFlag(name, value, text.SpanOf(start, end - start), options.ToImmutable());
    }

    /// <summary>
    /// Finds heredoc words (<c>[n]&lt;&lt;[-]NAME</c>, parser.go <c>reHeredoc</c>) and reads each
    /// body from the next lines up to a line equal to NAME (leading tabs dropped for &lt;&lt;-).
    /// </summary>
    private ImmutableArray<DockerHeredoc> ReadHeredocs(LogicalText args, List<(int Start, int End)> argWords)
    {
        var result = ImmutableArray.CreateBuilder<DockerHeredoc>();
        var s = args.Text;
        foreach (var (start, end) in argWords)
        {
            var i = start;
            while (i < end && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i + 2 > end || s[i] != '<' || s[i + 1] != '<')
            {
                continue;
            }

            var fdText = s[start..i];
            i += 2;
            var stripTabs = i < end && s[i] == '-';
            if (stripTabs)
            {
                i++;
            }

            if (i >= end || s.IndexOf('<', i, end - i) >= 0)
            {
                continue;
            }

            // BuildKit unquotes the name with the default escape '\\' whatever the directive says.
            var (name, quoted) = DockerWordLexer.Unquote(args, i, end, '\\', null);
            if (name.Length == 0)
            {
                continue;
            }

            var markerSpan = args.SpanOf(start, end - start);
            result.Add(ReadBody(
                new Located<string>(name, args.SpanOf(i, end - i)),
                markerSpan,
                stripTabs,
                quoted,
                int.TryParse(fdText, out var fd) ? fd : 0,
                args.SourceOffsetOf(start)));
        }

        return result.ToImmutable();
    }

    private DockerHeredoc ReadBody(Located<string> name, SourceSpan markerSpan, bool stripTabs, bool quoted, int fd, int markerSourceStart)
    {
        var body = new LogicalText.Builder(Source);
        var bodyLines = ImmutableArray.CreateBuilder<Located<string>>();
        SourceSpan? terminator = null;
        var bodyEnd = lines.AtEnd ? Source.Content.Length : lines[lines.Next].Start;
        while (!lines.AtEnd)
        {
            var index = lines.Next++;
            var (start, end) = lines[index];
            var line = Source.Content.AsSpan(start, end - start);
            if ((stripTabs ? line.TrimStart('\t') : line).SequenceEqual(name.Value))
            {
                terminator = Source.SpanOf(start, end - start);
                break;
            }

            bodyLines.Add(new Located<string>(line.ToString(), Source.SpanOf(start, end - start)));
            body.AppendSource(start, end);
            body.Append('\n', end);
            bodyEnd = end;
        }

        if (terminator is null)
        {
            Problem(markerSpan, $"unterminated heredoc: no line '{name.Value}' closes it before the end of the file");
        }

        return new DockerHeredoc(name, markerSpan, stripTabs, quoted, fd, bodyLines.ToImmutable(), body.Build(bodyEnd), terminator)
        {
            MarkerSourceStart = markerSourceStart,
        };
    }

    private void Problem(SourceSpan span, string message) => problems.Add(new ParseProblem(span, message));
}

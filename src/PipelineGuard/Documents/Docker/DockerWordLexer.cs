using System.Text;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// Word splitting and quote removal of instruction arguments as BuildKit does them with the
/// Dockerfile's escape character (parser/line_parsers.go <c>parseWords</c>, shell/lex.go):
/// outside quotes the escape character escapes any character; in double quotes only
/// <c>"</c>, <c>$</c> and itself; single quotes are verbatim. Variables are not expanded.
/// </summary>
internal static class DockerWordLexer
{
    /// <summary>Ranges [Start, End) of the blank-separated words of text[start, end).</summary>
    public static List<(int Start, int End)> Split(LogicalText text, int start, int end, char escape)
    {
        var s = text.Text;
        var words = new List<(int, int)>();
        var i = start;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            if (i >= end)
            {
                break;
            }

            var wordStart = i;
            char quote = '\0';
            while (i < end)
            {
                var c = s[i];
                if (quote == '\0' && char.IsWhiteSpace(c))
                {
                    break;
                }

                if (c == escape && quote != '\'' && i + 1 < end)
                {
                    i += 2;
                    continue;
                }

                if (quote == '\0' && c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                i++;
            }

            words.Add((wordStart, i));
        }

        return words;
    }

    /// <summary>
    /// The value of text[start, end) after quote removal (blanks kept). An unterminated quote is
    /// reported at the quote when <paramref name="problems"/> is given.
    /// </summary>
    public static (string Value, bool HasQuotes) Unquote(LogicalText text, int start, int end, char escape, ICollection<ParseProblem>? problems)
    {
        var s = text.Text;
        var value = new StringBuilder(end - start);
        var hasQuotes = false;
        var i = start;
        while (i < end)
        {
            var c = s[i];
            if (c == escape)
            {
                if (i + 1 < end)
                {
                    value.Append(s[i + 1]);
                    hasQuotes = true;
                    i += 2;
                }
                else
                {
                    value.Append(c);
                    i++;
                }
            }
            else if (c == '\'')
            {
                hasQuotes = true;
                var close = s.IndexOf('\'', i + 1, end - i - 1);
                if (close < 0)
                {
                    problems?.Add(new ParseProblem(text.SpanOf(i, 1), "unterminated single quote"));
                    close = end;
                }

                value.Append(s, i + 1, close - i - 1);
                i = close + 1;
            }
            else if (c == '"')
            {
                hasQuotes = true;
                var open = i;
                i++;
                while (i < end && s[i] != '"')
                {
                    if (s[i] == escape && i + 1 < end && (s[i + 1] == '"' || s[i + 1] == '$' || s[i + 1] == escape))
                    {
                        value.Append(s[i + 1]);
                        i += 2;
                    }
                    else
                    {
                        value.Append(s[i]);
                        i++;
                    }
                }

                if (i >= end)
                {
                    problems?.Add(new ParseProblem(text.SpanOf(open, 1), "unterminated double quote"));
                }

                i++;
            }
            else
            {
                value.Append(c);
                i++;
            }
        }

        return (value.ToString(), hasQuotes);
    }

    /// <summary>A located value of text[start, end) after quote removal.</summary>
    public static Located<string> Located(LogicalText text, int start, int end, char escape, ICollection<ParseProblem>? problems) =>
        new(Unquote(text, start, end, escape, problems).Value, text.SpanOf(start, end - start));
}

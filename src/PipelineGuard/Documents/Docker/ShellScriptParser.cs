using System.Collections.Immutable;
using System.Text;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// Splits a shell script (the shell form of RUN, or a heredoc body) into simple commands and
/// words, following the token rules of POSIX sh
/// (https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_02_03):
/// quotes, backslash escapes, <c>$(...)</c>, <c>${...}</c> and backquotes as opaque word parts,
/// operators and redirections as their own tokens. This is not a shell: no expansion, no
/// compound-command grammar; it is what a linter needs to see which programs run with which
/// arguments. One pass, linear time; never throws.
/// </summary>
internal sealed class ShellScriptParser
{
    private static readonly HashSet<string> LeadingReservedWords = new(StringComparer.Ordinal)
    {
        "if", "then", "else", "elif", "do", "while", "until", "!", "{", "fi", "done", "esac", "}",
    };

    /// <summary>
    /// Words (and redirections) read at most per script. A RUN line of real Dockerfiles has at most a few hundred; past
    /// the bound the rest of the script is not read (docs/limits.md), so a RUN installing 75,000 packages costs no more.
    /// </summary>
    public const int MaxWords = 10_000;

    private readonly LogicalText _text;
    private readonly string _s;
    private readonly ICollection<ParseProblem> _problems;
    private readonly List<ShellCommand> _commands = [];
    private readonly List<ShellWord> _words = [];
    private readonly List<(string Delimiter, bool StripTabs)> _pendingHeredocs = [];
    private int _pos;
    private int _wordCount;
    private bool _expectTarget;
    private bool _expectHeredocDelimiter;
    private bool _heredocStripTabs;

    private ShellScriptParser(LogicalText text, ICollection<ParseProblem> problems)
    {
        _text = text;
        _s = text.Text;
        _problems = problems;
    }

    /// <summary>The simple commands of <paramref name="text"/>; problems (unterminated quotes...) are added to <paramref name="problems"/>.</summary>
    public static ImmutableArray<ShellCommand> Parse(LogicalText text, ICollection<ParseProblem> problems)
    {
        var parser = new ShellScriptParser(text, problems);
        parser.Run();
        return [.. parser._commands];
    }

    private void Run()
    {
        while (_pos < _s.Length)
        {
            if (_wordCount >= MaxWords)
            {
                _problems.Add(new ParseProblem(_text.SpanOf(_pos, 0),
                    $"the script has more than {MaxWords} words; PipelineGuard stops reading it here ({Tree.ReadingBound.Marker}). " +
                    "Put long package lists in a requirements file (COPY it, then pip install -r) and long scripts in a script file."));
                break;
            }

            var c = _s[_pos];
            if (c is ' ' or '\t' or '\r' or '\f' or '\v')
            {
                _pos++;
            }
            else if (c == '\\' && Peek(1) == '\n')
            {
                _pos += 2;
            }
            else if (c == '\n')
            {
                _pos++;
                EndCommand("\n");
                ConsumePendingHeredocs();
            }
            else if (c == '#')
            {
                // A comment starts only where a word would start.
                while (_pos < _s.Length && _s[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else if (!TryRedirection() && !TryOperator())
            {
                ReadWord();
            }
        }

        EndCommand(string.Empty);
    }

    private char Peek(int ahead) => _pos + ahead < _s.Length ? _s[_pos + ahead] : '\0';

    private bool TryOperator()
    {
        var c = _s[_pos];
        var next = Peek(1);
        string? op = c switch
        {
            '&' when next == '&' => "&&",
            '|' when next == '|' => "||",
            '|' when next == '&' => "|&",
            ';' when next == ';' => ";;",
            '&' or '|' or ';' or '(' or ')' => c.ToString(),
            _ => null,
        };
        if (op is null)
        {
            return false;
        }

        _pos += op.Length;
        EndCommand(op);
        return true;
    }

    // [n]<  [n]>  [n]>>  [n]<<  [n]<<-  [n]<<<  [n]<>  [n]>|  [n]<&m  [n]>&m  &>  &>>
    private bool TryRedirection()
    {
        var start = _pos;
        var j = _pos;
        while (j < _s.Length && char.IsAsciiDigit(_s[j]))
        {
            j++;
        }

        string op;
        if (j < _s.Length && _s[j] == '<')
        {
            op = Rest(j, "<<<", "<<-", "<<", "<>", "<&", "<");
        }
        else if (j < _s.Length && _s[j] == '>')
        {
            op = Rest(j, ">>", ">&", ">|", ">");
        }
        else if (j == start && _s[j] == '&' && Peek(1) == '>')
        {
            op = Rest(j, "&>>", "&>");
        }
        else
        {
            return false;
        }

        var end = j + op.Length;
        var fused = false;
        if (op.EndsWith('&'))
        {
            // 2>&1, >&2, <&- : the descriptor belongs to the operator.
            var k = end;
            while (k < _s.Length && char.IsAsciiDigit(_s[k]))
            {
                k++;
            }

            if (k == end && k < _s.Length && _s[k] == '-')
            {
                k++;
            }

            if (k > end && (k == _s.Length || IsWordBreak(_s[k])))
            {
                end = k;
                fused = true;
            }
        }

        AddWord(_s[start..end], _s[start..end], Enumerable.Range(start, end - start).ToArray(), start, end, false, false, ShellWordKind.Redirection);
        _pos = end;
        _expectTarget = !fused;
        _expectHeredocDelimiter = op is "<<" or "<<-";
        _heredocStripTabs = op == "<<-";
        return true;
    }

    private string Rest(int at, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (string.CompareOrdinal(_s, at, candidate, 0, candidate.Length) == 0)
            {
                return candidate;
            }
        }

        return candidates[^1];
    }

    private static bool IsWordBreak(char c) => c is ' ' or '\t' or '\n' or '\r' or ';' or '&' or '|' or '<' or '>' or '(' or ')';

    private void ReadWord()
    {
        var start = _pos;
        var value = new StringBuilder();
        var offsets = new List<int>();
        var hasQuotes = false;
        var hasExpansion = false;
        while (_pos < _s.Length && !IsWordBreak(_s[_pos]))
        {
            var c = _s[_pos];
            switch (c)
            {
                case '\\':
                    if (_pos + 1 >= _s.Length)
                    {
                        Append(value, offsets, '\\', _pos);
                        _pos++;
                    }
                    else if (_s[_pos + 1] == '\n')
                    {
                        _pos += 2;
                    }
                    else
                    {
                        hasQuotes = true;
                        Append(value, offsets, _s[_pos + 1], _pos + 1);
                        _pos += 2;
                    }

                    break;
                case '\'':
                    hasQuotes = true;
                    ReadSingleQuoted(value, offsets);
                    break;
                case '"':
                    hasQuotes = true;
                    hasExpansion |= ReadDoubleQuoted(value, offsets);
                    break;
                case '$' when Peek(1) == '\'':
                    hasQuotes = true;
                    ReadAnsiCQuoted(value, offsets);
                    break;
                case '$' when Peek(1) is '(' or '{':
                case '`':
                    hasExpansion = true;
                    AppendOpaque(value, offsets);
                    break;
                case '$':
                    hasExpansion = true;
                    Append(value, offsets, c, _pos);
                    _pos++;
                    break;
                default:
                    Append(value, offsets, c, _pos);
                    _pos++;
                    break;
            }
        }

        var kind = ShellWordKind.Word;
        if (_expectTarget)
        {
            kind = ShellWordKind.RedirectionTarget;
            _expectTarget = false;
            if (_expectHeredocDelimiter)
            {
                _pendingHeredocs.Add((value.ToString(), _heredocStripTabs));
                _expectHeredocDelimiter = false;
            }
        }

        AddWord(value.ToString(), _s[start.._pos], [.. offsets], start, _pos, hasQuotes, hasExpansion, kind);
    }

    private static void Append(StringBuilder value, List<int> offsets, char c, int at)
    {
        value.Append(c);
        offsets.Add(at);
    }

    private void ReadSingleQuoted(StringBuilder value, List<int> offsets)
    {
        var open = _pos;
        var close = _s.IndexOf('\'', open + 1);
        if (close < 0)
        {
            Problem(open, "unterminated single quote");
            close = _s.Length;
        }

        for (var i = open + 1; i < close; i++)
        {
            Append(value, offsets, _s[i], i);
        }

        _pos = Math.Min(close + 1, _s.Length);
    }

    // Inside "...", a backslash escapes only $ ` " \ and newline (POSIX 2.2.3).
    private bool ReadDoubleQuoted(StringBuilder value, List<int> offsets)
    {
        var open = _pos;
        var hasExpansion = false;
        _pos++;
        while (true)
        {
            if (_pos >= _s.Length)
            {
                Problem(open, "unterminated double quote");
                return hasExpansion;
            }

            var c = _s[_pos];
            if (c == '"')
            {
                _pos++;
                return hasExpansion;
            }

            if (c == '\\' && _pos + 1 < _s.Length && _s[_pos + 1] is '$' or '`' or '"' or '\\' or '\n')
            {
                if (_s[_pos + 1] != '\n')
                {
                    Append(value, offsets, _s[_pos + 1], _pos + 1);
                }

                _pos += 2;
            }
            else if ((c == '$' && Peek(1) is '(' or '{') || c == '`')
            {
                hasExpansion = true;
                AppendOpaque(value, offsets);
            }
            else
            {
                hasExpansion |= c == '$';
                Append(value, offsets, c, _pos);
                _pos++;
            }
        }
    }

    // $'...' (bash ANSI-C quoting): kept as written inside; \' does not end it.
    private void ReadAnsiCQuoted(StringBuilder value, List<int> offsets)
    {
        var open = _pos;
        var i = _pos + 2;
        while (i < _s.Length && _s[i] != '\'')
        {
            i += _s[i] == '\\' ? 2 : 1;
        }

        if (i >= _s.Length)
        {
            Problem(open, "unterminated $' quote");
            i = _s.Length;
        }

        for (var k = open + 2; k < i && k < _s.Length; k++)
        {
            Append(value, offsets, _s[k], k);
        }

        _pos = Math.Min(i + 1, _s.Length);
    }

    /// <summary>$( ... ), $(( ... )), ${ ... } or ` ... `: copied into the value as written.</summary>
    private void AppendOpaque(StringBuilder value, List<int> offsets)
    {
        var start = _pos;
        var end = _s[_pos] == '`' ? SkipBackquoted(_pos) : SkipBalanced(_pos + 1);
        for (var i = start; i < end; i++)
        {
            Append(value, offsets, _s[i], i);
        }

        _pos = end;
    }

    private int SkipBackquoted(int open)
    {
        var i = open + 1;
        while (i < _s.Length && _s[i] != '`')
        {
            i += _s[i] == '\\' ? 2 : 1;
        }

        if (i >= _s.Length)
        {
            Problem(open, "unterminated backquote");
            return _s.Length;
        }

        return i + 1;
    }

    // From an opening ( or {, to just after its matching closer; quotes inside are skipped.
    private int SkipBalanced(int open)
    {
        var opener = _s[open];
        var closer = opener == '(' ? ')' : '}';
        var depth = 0;
        var i = open;
        while (i < _s.Length)
        {
            var c = _s[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == '\'' && opener == '(')
            {
                var close = _s.IndexOf('\'', i + 1);
                i = close < 0 ? _s.Length : close + 1;
                continue;
            }

            if (c == '"')
            {
                i++;
                while (i < _s.Length && _s[i] != '"')
                {
                    i += _s[i] == '\\' ? 2 : 1;
                }

                i++;
                continue;
            }

            if (c == opener)
            {
                depth++;
            }
            else if (c == closer && --depth == 0)
            {
                return i + 1;
            }

            i++;
        }

        Problem(open - 1, opener == '(' ? "unterminated $( command substitution" : "unterminated ${ parameter expansion");
        return _s.Length;
    }

    private void AddWord(string value, string raw, int[] logicalOffsets, int start, int end, bool hasQuotes, bool hasExpansion, ShellWordKind kind)
    {
        var sourceOffsets = new int[logicalOffsets.Length];
        for (var i = 0; i < logicalOffsets.Length; i++)
        {
            sourceOffsets[i] = _text.SourceOffsetOf(logicalOffsets[i]);
        }

        var sourceStart = _text.SourceOffsetOf(start);
        var sourceEnd = end > start ? _text.SourceOffsetOf(end - 1) + 1 : sourceStart;
        _wordCount++;
        _words.Add(new ShellWord(_text.Source, value, raw, sourceOffsets, sourceStart, sourceEnd, hasQuotes, hasExpansion, kind));
    }

    private void EndCommand(string terminator)
    {
        _expectTarget = false;
        _expectHeredocDelimiter = false;
        var first = 0;
        while (first < _words.Count
            && _words[first] is { Kind: ShellWordKind.Word, HasQuotes: false } word
            && LeadingReservedWords.Contains(word.Value))
        {
            first++;
        }

        if (first < _words.Count)
        {
            _commands.Add(new ShellCommand([.. _words.Skip(first)], terminator));
        }

        _words.Clear();
    }

    // After the newline that ends a line with "cat <<EOF", the next lines up to EOF are data.
    private void ConsumePendingHeredocs()
    {
        foreach (var (delimiter, stripTabs) in _pendingHeredocs)
        {
            while (_pos < _s.Length)
            {
                var lineEnd = _s.IndexOf('\n', _pos);
                if (lineEnd < 0)
                {
                    lineEnd = _s.Length;
                }

                var line = _s.AsSpan(_pos, lineEnd - _pos).TrimEnd('\r');
                if (stripTabs)
                {
                    line = line.TrimStart('\t');
                }

                _pos = Math.Min(lineEnd + 1, _s.Length);
                if (line.SequenceEqual(delimiter))
                {
                    break;
                }
            }
        }

        _pendingHeredocs.Clear();
    }

    private void Problem(int at, string message) => _problems.Add(new ParseProblem(_text.SpanOf(at, 1), message));
}

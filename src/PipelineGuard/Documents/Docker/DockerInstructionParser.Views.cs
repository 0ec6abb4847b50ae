using System.Collections.Immutable;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

internal sealed partial class DockerInstructionParser
{
    /// <summary>
    /// The typed views of one instruction, and its arity checks (instructions/parse.go messages).
    /// Each view method returns null for other keywords.
    /// </summary>
    private sealed class Views
    {
        private readonly DockerInstructionParser _parser;
        private readonly string _upper;
        private readonly Located<string> _keyword;
        private readonly LogicalText _args;
        private readonly List<(int Start, int End)> _words;
        private readonly List<JsonStringArray.Element>? _exec;
        private readonly ImmutableArray<Located<string>> _execForm;
        private readonly ImmutableArray<DockerFlag> _flags;
        private readonly ImmutableArray<DockerHeredoc> _heredocs;
        private readonly bool _known;

        public Views(
            DockerInstructionParser parser,
            string upper,
            Located<string> keyword,
            LogicalText args,
            List<(int Start, int End)> words,
            List<JsonStringArray.Element>? exec,
            ImmutableArray<Located<string>> execForm,
            ImmutableArray<DockerFlag> flags,
            ImmutableArray<DockerHeredoc> heredocs)
        {
            _parser = parser;
            _upper = upper;
            _keyword = keyword;
            _args = args;
            _words = words;
            _exec = exec;
            _execForm = execForm;
            _flags = flags;
            _heredocs = heredocs;
            _known = DockerKeywords.IsKnown(upper);
            CheckArity();
        }

        private char Escape => _parser.EscapeCharacter;

        private List<ParseProblem> Problems => _parser.ProblemList;

        public DockerFrom? From()
        {
            if (_upper != "FROM")
            {
                return null;
            }

            var platform = Flag("platform")?.Value;
            if (_words.Count is not (1 or 3)
                || (_words.Count == 3 && !Word(1).Value.Equals("AS", StringComparison.OrdinalIgnoreCase)))
            {
                Problem(_words.Count == 0 ? _keyword.Span : _args.SpanOf(0, _args.Length), "FROM requires either one or three arguments");
            }

            if (_words.Count == 0)
            {
                return new DockerFrom(new Located<string>(string.Empty, _keyword.Span), platform, null);
            }

            var stage = _words.Count >= 3 && Word(1).Value.Equals("AS", StringComparison.OrdinalIgnoreCase) ? Word(2) : null;
            return new DockerFrom(Word(0, reportQuotes: true), platform, stage);
        }

        public DockerRun? Run()
        {
            if (_upper != "RUN")
            {
                return null;
            }

            var mounts = _flags.Where(f => f.Name.Value.Equals("mount", StringComparison.OrdinalIgnoreCase)).ToImmutableArray();
            if (_exec is not null)
            {
                var words = _exec.Select(ExecWord).ToImmutableArray();
                return new DockerRun(words.IsEmpty ? [] : [new ShellCommand(words, string.Empty)], mounts);
            }

            var commands = ImmutableArray.CreateBuilder<ShellCommand>();
            var lineCommands = ShellScriptParser.Parse(_args, Problems);
            commands.AddRange(lineCommands);
            foreach (var heredoc in _heredocs)
            {
                if (IsShellScript(heredoc, lineCommands))
                {
                    commands.AddRange(ShellScriptParser.Parse(heredoc.Body, Problems));
                }
            }

            return new DockerRun(commands.ToImmutable(), mounts);
        }

        public DockerCopy? Copy()
        {
            if (_upper is not ("COPY" or "ADD"))
            {
                return null;
            }

            var items = _exec is not null
                ? _execForm
                : [.. Enumerable.Range(0, _words.Count).Select(i => Word(i, reportQuotes: true))];
            if (items.Length < 2)
            {
                Problem(
                    _keyword.Span,
                    $"{_upper} requires at least two arguments, but only {(items.Length == 0 ? "none was" : "one was")} provided. Destination could not be determined");
            }

            return new DockerCopy(
                _upper == "ADD",
                items.Length < 2 ? items : items[..^1],
                items.Length < 2 ? null : items[^1],
                Flag("from")?.Value,
                Flag("chown")?.Value,
                Flag("chmod")?.Value);
        }

        /// <summary>ENV and LABEL (parseNameVal, with the legacy <c>ENV K V</c> form) and ARG (parseNameOrNameVal).</summary>
        public ImmutableArray<DockerKeyValue> KeyValues()
        {
            if (_upper is not ("ENV" or "LABEL" or "ARG") || _words.Count == 0)
            {
                return [];
            }

            var s = _args.Text;
            var isArg = _upper == "ARG";
            if (!isArg && s.IndexOf('=', _words[0].Start, _words[0].End - _words[0].Start) < 0)
            {
                var key = Word(0);
                if (_words.Count < 2)
                {
                    Problem(_args.SpanOf(0, _args.Length), $"{_upper} must have two arguments");
                    return [new DockerKeyValue(key, null, key.Span, IsLegacyForm: true)];
                }

                // The value is the rest of the line, blanks inside kept (BuildKit splits on the first blank run).
                var value = DockerWordLexer.Located(_args, _words[1].Start, _args.Length, Escape, Problems);
                return [new DockerKeyValue(key, value, _args.SpanOf(0, _args.Length), IsLegacyForm: true)];
            }

            var pairs = ImmutableArray.CreateBuilder<DockerKeyValue>();
            foreach (var (start, end) in _words)
            {
                var span = _args.SpanOf(start, end - start);
                var equals = s.IndexOf('=', start, end - start);
                if (equals < 0)
                {
                    if (!isArg)
                    {
                        Problem(span, $"Syntax error - can't find = in \"{s[start..end]}\". Must be of the form: name=value");
                    }

                    pairs.Add(new DockerKeyValue(DockerWordLexer.Located(_args, start, end, Escape, Problems), null, span));
                    continue;
                }

                var key = DockerWordLexer.Located(_args, start, equals, Escape, Problems);
                var value = DockerWordLexer.Located(_args, equals + 1, end, Escape, Problems);
                pairs.Add(new DockerKeyValue(key, value, span));
            }

            return pairs.ToImmutable();
        }

        /// <summary>USER, WORKDIR, STOPSIGNAL, MAINTAINER take the whole rest as one string (parseString).</summary>
        public Located<string>? SingleArgument() =>
            ExactlyOneArgument.Contains(_upper) && _args.Length > 0
                ? DockerWordLexer.Located(_args, 0, _args.Length, Escape, Problems)
                : null;

        public DockerInstruction? OnBuild()
        {
            if (_upper != "ONBUILD" || _args.Length == 0)
            {
                return null;
            }

            var inner = _parser.Parse(_args, readHeredocs: false);
            if (inner.KeywordUpper is "ONBUILD" or "FROM" or "MAINTAINER")
            {
                Problem(inner.Keyword.Span, $"{inner.KeywordUpper} isn't allowed as an ONBUILD trigger");
            }

            return inner;
        }

        private void CheckArity()
        {
            if (!_known)
            {
                Problem(_keyword.Span, $"unknown instruction: {_keyword.Value}");
                return;
            }

            if (_args.Length == 0 && AtLeastOneArgument.Contains(_upper))
            {
                Problem(_keyword.Span, $"{_upper} requires at least one argument");
            }

            if (_args.Length == 0 && ExactlyOneArgument.Contains(_upper))
            {
                Problem(_keyword.Span, $"{_upper} requires exactly one argument");
            }

            if (_upper == "SHELL" && _exec is null)
            {
                Problem(_args.Length == 0 ? _keyword.Span : _args.SpanOf(0, _args.Length), "SHELL requires the arguments to be in JSON form");
            }
        }

        /// <summary>
        /// Whether a RUN heredoc body is a shell script: <c>RUN &lt;&lt;EOF</c> alone runs the body as
        /// a script (its #! line decides the interpreter); <c>RUN bash &lt;&lt;EOF</c> feeds it to a
        /// shell; <c>RUN python3 &lt;&lt;EOF</c> does not.
        /// </summary>
        private static bool IsShellScript(DockerHeredoc heredoc, ImmutableArray<ShellCommand> lineCommands)
        {
            var command = lineCommands.FirstOrDefault(c => c.Words.Any(w => w.IsRedirection && w.SourceStart == heredoc.MarkerSourceStart));
            if (command is null)
            {
                return false;
            }

            if (command.Name is { } name)
            {
                return ShellPrograms.Shells.Contains(ShellPrograms.BaseName(name.Value)) && !command.Arguments.Any(a => a.Value == "-c");
            }

            if (heredoc.Lines.IsEmpty || !heredoc.Lines[0].Value.StartsWith("#!", StringComparison.Ordinal))
            {
                return true;
            }

            var interpreter = heredoc.Lines[0].Value[2..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var program = interpreter.Length > 1 && ShellPrograms.BaseName(interpreter[0]) == "env" ? interpreter[1] : interpreter.FirstOrDefault() ?? "sh";
            return ShellPrograms.Shells.Contains(ShellPrograms.BaseName(program));
        }

        private ShellWord ExecWord(JsonStringArray.Element element)
        {
            var offsets = element.ValueOffsets.Select(_args.SourceOffsetOf).ToArray();
            var start = _args.SourceOffsetOf(element.ContentStart);
            var end = element.ContentEnd > element.ContentStart ? _args.SourceOffsetOf(element.ContentEnd - 1) + 1 : start;
            return new ShellWord(
                _args.Source,
                element.Value,
                _args.Text[(element.ContentStart - 1)..(element.ContentEnd + 1)],
                offsets,
                start,
                end,
                hasQuotes: true,
                hasExpansion: false,
                ShellWordKind.Word);
        }

        private Located<string> Word(int index, bool reportQuotes = false) =>
            DockerWordLexer.Located(_args, _words[index].Start, _words[index].End, Escape, reportQuotes ? Problems : null);

        private DockerFlag? Flag(string name) =>
            _flags.FirstOrDefault(f => f.Name.Value.Equals(name, StringComparison.OrdinalIgnoreCase));

        private void Problem(SourceSpan span, string message) => Problems.Add(new ParseProblem(span, message));
    }
}

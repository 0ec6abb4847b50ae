using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// pip's <c>break_args_options</c> + <c>shlex.split</c> + optparse's <c>parse_args</c> with the
/// requirements-file option table, including optparse's quirks: unique prefixes of long names
/// are accepted, a value-taking option takes the next word whatever it is, words that are not
/// options are silently dropped, "--" ends option parsing.
/// https://github.com/python/cpython/blob/3.11/Lib/optparse.py (<c>_process_args</c>)
/// </summary>
internal static class PipLineParser
{
    public static PipLineParse Parse(MappedText line)
    {
        var (arguments, options) = BreakArgsOptions(line);
        var options0 = new List<(PipOption, MappedText?)>();
        var ignored = new List<Located<string>>();
        var (words, splitError) = ShlexSplitter.Split(options);
        if (splitError is not null)
        {
            return new(arguments, options0, ignored, new ParseProblem(options.Span, "Could not split options: " + options.Text));
        }

        var problem = ProcessArgs(words, options0, ignored);
        return new(arguments, options0, ignored, problem);
    }

    /// <summary>
    /// Split at spaces (only ' '); everything before the first word starting with '-' is the
    /// requirement (kept as written, even trailing spaces), the rest the options.
    /// </summary>
    private static (MappedText Arguments, MappedText Options) BreakArgsOptions(MappedText line)
    {
        var s = line.Text;
        for (var p = 0; p < s.Length; p++)
        {
            if (s[p] == '-' && (p == 0 || s[p - 1] == ' '))
            {
                return (line.Slice(0, Math.Max(0, p - 1)), line.Slice(p, s.Length - p));
            }
        }

        return (line, line.Slice(s.Length, 0));
    }

    private static ParseProblem? ProcessArgs(List<MappedText> words, List<(PipOption, MappedText?)> options, List<Located<string>> ignored)
    {
        // rargs as a stack: its top is the front of optparse's list.
        var rargs = new Stack<MappedText>(Enumerable.Reverse(words));
        while (rargs.Count > 0)
        {
            var arg = rargs.Pop();
            var text = arg.Text;
            ParseProblem? problem;
            if (text == "--")
            {
                ignored.AddRange(rargs.Select(a => a.Locate()));
                return null;
            }
            else if (text.StartsWith("--", StringComparison.Ordinal))
            {
                problem = ProcessLong(arg, rargs, options);
            }
            else if (text.Length > 1 && text[0] == '-')
            {
                problem = ProcessShort(arg, rargs, options);
            }
            else
            {
                ignored.Add(arg.Locate());
                continue;
            }

            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static ParseProblem? ProcessLong(MappedText arg, Stack<MappedText> rargs, List<(PipOption, MappedText?)> options)
    {
        var equals = arg.Text.IndexOf('=', StringComparison.Ordinal);
        var nameLength = equals < 0 ? arg.Length : equals;
        var name = arg.Locate(0, nameLength);
        if (equals >= 0)
        {
            rargs.Push(arg.Slice(equals + 1, arg.Length - equals - 1));
        }

        var (resolved, candidates) = PipOptions.MatchLong(name.Value);
        if (resolved is null)
        {
            var message = candidates.Count == 0
                ? $"no such option: {name.Value}"
                : $"ambiguous option: {name.Value} ({string.Join(", ", candidates)}?)";
            return new ParseProblem(name.Span, message);
        }

        var spec = PipOptions.Long(resolved);
        if (spec.TakesValue)
        {
            return TakeValue(spec, resolved, name, rargs, options);
        }

        if (equals >= 0)
        {
            return new ParseProblem(arg.Span, $"{resolved} option does not take a value");
        }

        options.Add((new PipOption(spec, name, null), null));
        return null;
    }

    private static ParseProblem? ProcessShort(MappedText arg, Stack<MappedText> rargs, List<(PipOption, MappedText?)> options)
    {
        // Every short option pip knows takes a value, so only the first letter is ever an option.
        var name = arg.Locate(0, 2);
        var spec = PipOptions.FindShort(name.Value);
        if (spec is null)
        {
            return new ParseProblem(name.Span, $"no such option: {name.Value}");
        }

        if (arg.Length > 2)
        {
            rargs.Push(arg.Slice(2, arg.Length - 2));
        }

        return TakeValue(spec, name.Value, name, rargs, options);
    }

    private static ParseProblem? TakeValue(
        PipOptionSpec spec, string optString, Located<string> name, Stack<MappedText> rargs, List<(PipOption, MappedText?)> options)
    {
        if (rargs.Count == 0)
        {
            return new ParseProblem(name.Span, $"{optString} option requires 1 argument");
        }

        var value = rargs.Pop();
        var located = value.Locate();
        var problem = Check(spec, optString, located);
        if (problem is not null)
        {
            return problem;
        }

        options.Add((new PipOption(spec, name, located), value));
        return null;
    }

    /// <summary>The checks optparse's type check and pip's callbacks make, with their messages.</summary>
    private static ParseProblem? Check(PipOptionSpec spec, string optString, Located<string> value)
    {
        var text = value.Value;
        switch (spec.Action)
        {
            case PipOptionAction.Append when spec.Choices is { } choices && !choices.Contains(text):
                return new ParseProblem(value.Span,
                    $"option {optString}: invalid choice: {PythonRepr(text)} (choose from {string.Join(", ", choices.Select(PythonRepr))})");
            case PipOptionAction.Hash:
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    return new ParseProblem(value.Span,
                        $"Arguments to {optString} must be a hash name followed by a value, like --hash=sha256:abcde...");
                }

                if (!PipOptions.StrongHashes.Contains(text[..colon]))
                {
                    return new ParseProblem(value.Span,
                        $"Allowed hash algorithms for {optString} are {string.Join(", ", PipOptions.StrongHashes)}.");
                }

                return null;
            case PipOptionAction.ConfigSetting when !text.Contains('=', StringComparison.Ordinal):
                return new ParseProblem(value.Span, $"Arguments to {optString} must be of the form KEY=VAL");
            case PipOptionAction.FormatControl when text.StartsWith('-'):
                // A CommandError in pip (FormatControl.handle_mutual_excludes), not an optparse error.
                return new ParseProblem(value.Span, "--no-binary / --only-binary option requires 1 argument.");
            default:
                return null;
        }
    }

    /// <summary>Python's <c>repr()</c> of a str, as optparse puts it in its "invalid choice" message.</summary>
    private static string PythonRepr(string text)
    {
        var quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new System.Text.StringBuilder().Append(quote);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '\n' => builder.Append(@"\n"),
                '\r' => builder.Append(@"\r"),
                '\t' => builder.Append(@"\t"),
                _ when c == quote => builder.Append('\\').Append(c),
                _ when c < ' ' || c == '\x7f' => builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append(quote).ToString();
    }
}

using System.Text;
using PipelineGuard.Documents.Docker;

namespace PipelineGuard.Documents.Images;

/// <summary>
/// The ARGs declared before a Dockerfile's first FROM: the only variables a FROM line can use
/// (https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact). Azure ML builds pass no
/// <c>--build-arg</c>, so an ARG's default is the value the build gets. An ARG without a default (or an undeclared
/// variable) is unknown here: a FROM that uses one is not judged.
/// </summary>
internal sealed class DockerfileGlobalArgs
{
    /// <summary>An expansion that grows beyond this is given up (a crafted ARG chain cannot blow up memory).</summary>
    private const int MaxExpandedLength = 4096;

    private readonly Dictionary<string, string?> _values;

    private DockerfileGlobalArgs(Dictionary<string, string?> values) => _values = values;

    public static DockerfileGlobalArgs Of(DockerfileDocument dockerfile)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var args = new DockerfileGlobalArgs(values);
        foreach (var instruction in dockerfile.Instructions)
        {
            if (instruction.From is not null)
            {
                break;
            }

            if (!instruction.Is("ARG"))
            {
                continue;
            }

            foreach (var pair in instruction.KeyValues)
            {
                // A default may use the ARGs declared before it.
                values[pair.Key.Value] = pair.Value is { } value && args.TryExpand(value.Value, out var expanded) ? expanded : null;
            }
        }

        return args;
    }

    /// <summary>
    /// Expands <c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-word}</c>, <c>${NAME-word}</c>, <c>${NAME:+word}</c> and
    /// <c>${NAME+word}</c> (BuildKit's shell/lex.go forms). False when the text uses an unknown variable or an
    /// unsupported form.
    /// </summary>
    public bool TryExpand(string text, out string expanded)
    {
        expanded = text;
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return true;
        }

        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '$')
            {
                result.Append(c);
                i++;
                continue;
            }

            if (!TryExpandVariable(text, ref i, result) || result.Length > MaxExpandedLength)
            {
                return false;
            }
        }

        expanded = result.ToString();
        return true;
    }

    /// <summary>The variable at text[i] == '$'; moves <paramref name="i"/> past it.</summary>
    private bool TryExpandVariable(string text, ref int i, StringBuilder result)
    {
        i++;
        if (i < text.Length && text[i] == '{')
        {
            var close = text.IndexOf('}', i);
            if (close < 0)
            {
                return false;
            }

            var inner = text[(i + 1)..close];
            i = close + 1;
            var nameEnd = 0;
            while (nameEnd < inner.Length && IsNameChar(inner[nameEnd]))
            {
                nameEnd++;
            }

            var name = inner[..nameEnd];
            var rest = inner[nameEnd..];
            if (name.Length == 0 || !_values.TryGetValue(name, out var value) || value is null)
            {
                return false;
            }

            switch (rest)
            {
                case "":
                    result.Append(value);
                    return true;
                case var r when r.StartsWith(":-", StringComparison.Ordinal) || r.StartsWith(":+", StringComparison.Ordinal):
                    return AppendWord(value.Length > 0 ? (r[1] == '-' ? value : r[2..]) : (r[1] == '-' ? r[2..] : string.Empty), result);
                case var r when r.StartsWith('-') || r.StartsWith('+'):
                    // The variable is set (it has a default): '-' keeps it, '+' takes the word.
                    return AppendWord(r[0] == '-' ? value : r[1..], result);
                default:
                    return false;
            }
        }

        var start = i;
        while (i < text.Length && IsNameChar(text[i]))
        {
            i++;
        }

        if (i == start)
        {
            // A lone '$' stays as written.
            result.Append('$');
            return true;
        }

        if (!_values.TryGetValue(text[start..i], out var plain) || plain is null)
        {
            return false;
        }

        result.Append(plain);
        return true;
    }

    private bool AppendWord(string word, StringBuilder result)
    {
        if (!TryExpand(word, out var expanded))
        {
            return false;
        }

        result.Append(expanded);
        return true;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}

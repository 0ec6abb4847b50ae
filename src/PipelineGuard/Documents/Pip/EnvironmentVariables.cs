namespace PipelineGuard.Documents.Pip;

/// <summary>
/// pip's <c>expand_env_variables</c>: <c>ENV_VAR_RE = (?P&lt;var&gt;\$\{(?P&lt;name&gt;[A-Z0-9_]+)\})</c>;
/// for each match found in the line (left to right), an unset or empty variable is skipped,
/// otherwise every occurrence of the literal <c>${NAME}</c> in the CURRENT line is replaced
/// (so a value may itself contain references expanded by later matches, as in pip).
/// Replaced characters map to the span of the <c>${NAME}</c> they replaced.
/// </summary>
internal static class EnvironmentVariables
{
    public static (MappedText Line, IReadOnlyList<EnvironmentVariableUse> Uses) Expand(
        MappedText line, Func<string, string?>? environment)
    {
        var matches = FindAll(line.Text);
        if (matches.Count == 0)
        {
            return (line, []);
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (start, length) in matches)
        {
            var name = line.Text.Substring(start + 2, length - 3);
            if (!values.ContainsKey(name))
            {
                var value = environment?.Invoke(name);
                values[name] = string.IsNullOrEmpty(value) ? null : value;
            }
        }

        var uses = matches
            .Select(m => new EnvironmentVariableUse(
                line.Locate(m.Start + 2, m.Length - 3),
                line.SpanOf(m.Start, m.Length),
                values[line.Text.Substring(m.Start + 2, m.Length - 3)]))
            .ToList();

        var current = line;
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        var valuesAddReferences = false;
        foreach (var (start, length) in matches)
        {
            var name = line.Text.Substring(start + 2, length - 3);
            if (values[name] is not { } value)
            {
                continue;
            }

            // Replacing the same literal again is a no-op unless an inserted value brought it back.
            if (!replaced.Add(name) && !valuesAddReferences)
            {
                continue;
            }

            current = ReplaceAll(current, "${" + name + "}", value);
            valuesAddReferences |= value.Contains("${", StringComparison.Ordinal);
        }

        return (current, uses);
    }

    /// <summary>Non-overlapping <c>\$\{[A-Z0-9_]+\}</c> matches, left to right (re.findall).</summary>
    private static List<(int Start, int Length)> FindAll(string text)
    {
        var result = new List<(int Start, int Length)>();
        var i = 0;
        while (i < text.Length - 3)
        {
            if (text[i] != '$' || text[i + 1] != '{')
            {
                i++;
                continue;
            }

            var j = i + 2;
            while (j < text.Length && text[j] is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')
            {
                j++;
            }

            if (j > i + 2 && j < text.Length && text[j] == '}')
            {
                result.Add((i, j + 1 - i));
                i = j + 1;
            }
            else
            {
                i++;
            }
        }

        return result;
    }

    private static MappedText ReplaceAll(MappedText text, string literal, string value)
    {
        var builder = new MappedText.Builder(text.Origins, text.Length > 0 ? text.OriginOf(0).Start : 0);
        var i = 0;
        while (i < text.Length)
        {
            var at = text.Text.IndexOf(literal, i, StringComparison.Ordinal);
            if (at < 0)
            {
                at = text.Length;
            }

            for (var k = i; k < at; k++)
            {
                builder.AppendFrom(text, k);
            }

            if (at == text.Length)
            {
                break;
            }

            var origin = (Start: text.OriginOf(at).Start, End: text.OriginOf(at + literal.Length - 1).End);
            foreach (var c in value)
            {
                builder.Append(c, origin.Start, origin.End);
            }

            i = at + literal.Length;
        }

        return builder.Build();
    }
}

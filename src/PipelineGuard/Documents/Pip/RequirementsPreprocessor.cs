using PipelineGuard.Versioning.Pep440;

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// pip's <c>preprocess</c>, step for step, keeping every character's origin:
/// <c>splitlines</c>, <c>join_lines</c>, <c>ignore_comments</c>, <c>expand_env_variables</c>.
/// https://github.com/pypa/pip/blob/23.2.1/src/pip/_internal/req/req_file.py
/// </summary>
internal static class RequirementsPreprocessor
{
    /// <param name="origins">The text and where its characters come from.</param>
    /// <param name="environment">Looks up <c>${NAME}</c> variables; null keeps them unexpanded.</param>
    /// <param name="maxLines">Logical lines read at most; the next one, if any, is returned as <paramref name="firstUnread"/>.</param>
    /// <param name="firstUnread">The first logical line past <paramref name="maxLines"/>, not read.</param>
    public static List<LogicalLine> Preprocess(
        CharacterOrigins origins, Func<string, string?>? environment, int maxLines, out MappedText? firstUnread)
    {
        var result = new List<LogicalLine>();
        firstUnread = null;
        foreach (var (lineNumber, joined) in JoinLines(origins))
        {
            if (result.Count == maxLines)
            {
                firstUnread = joined;
                break;
            }

            var stripped = StripComment(joined);
            if (stripped is null)
            {
                continue;
            }

            var (expanded, variables) = EnvironmentVariables.Expand(stripped, environment);
            result.Add(new LogicalLine(lineNumber, expanded, variables));
        }

        return result;
    }

    /// <summary>
    /// <c>join_lines</c>: a line ending in a backslash is joined with the next one, unless it is a
    /// comment line (<c>COMMENT_RE.match</c>: '#' first, or after leading whitespace). Joined
    /// parts lose ALL leading and trailing backslashes (<c>line.strip("\\")</c>); a comment line
    /// gets a space in front so it is still a comment after joining. A joined line ends at the
    /// first line that does not end in a backslash (or is a comment), or at the end of the file.
    /// </summary>
    private static IEnumerable<(int LineNumber, MappedText Text)> JoinLines(CharacterOrigins origins)
    {
        var content = origins.Content;
        MappedText.Builder? joining = null;
        var primary = 0;
        var lineNumber = 0;
        foreach (var (start, length) in PythonText.SplitLines(content))
        {
            lineNumber++;
            var isComment = IsCommentLine(content, start, length);
            var continues = length > 0 && content[start + length - 1] == '\\';
            if (!continues || isComment)
            {
                if (joining is null && !isComment)
                {
                    // The common line: itself, character for character, with no map to build.
                    yield return (lineNumber, MappedText.OfContent(origins, start, length));
                    continue;
                }

                var builder = joining ?? new MappedText.Builder(origins, start);
                if (isComment)
                {
                    builder.Append(' ', start, start);
                }

                builder.AppendContent(start, length);
                yield return (joining is null ? lineNumber : primary, builder.Build());
                joining = null;
                continue;
            }

            if (joining is null)
            {
                joining = new MappedText.Builder(origins, start);
                primary = lineNumber;
            }

            var from = start;
            var to = start + length;
            while (from < to && content[from] == '\\')
            {
                from++;
            }

            while (to > from && content[to - 1] == '\\')
            {
                to--;
            }

            joining.AppendContent(from, to - from);
        }

        if (joining is not null)
        {
            yield return (primary, joining.Build());
        }
    }

    /// <summary><c>COMMENT_RE.match(line)</c> with <c>COMMENT_RE = (^|\s+)#.*$</c>.</summary>
    private static bool IsCommentLine(string content, int start, int length)
    {
        var i = start;
        var end = start + length;
        while (i < end && PythonText.IsWhitespace(content[i]))
        {
            i++;
        }

        return i < end && content[i] == '#';
    }

    /// <summary>
    /// <c>ignore_comments</c>: remove from the leftmost '#' that starts the line or follows
    /// whitespace (with that whitespace) to the end, then <c>strip()</c>; null when nothing is left.
    /// </summary>
    private static MappedText? StripComment(MappedText line)
    {
        var text = line.Text;
        var cut = text.Length;
        var i = 0;
        while (i < text.Length)
        {
            if (i == 0 && text[0] == '#')
            {
                cut = 0;
                break;
            }

            if (!PythonText.IsWhitespace(text[i]))
            {
                i++;
                continue;
            }

            var runEnd = i;
            while (runEnd < text.Length && PythonText.IsWhitespace(text[runEnd]))
            {
                runEnd++;
            }

            if (runEnd < text.Length && text[runEnd] == '#')
            {
                cut = i;
                break;
            }

            i = runEnd;
        }

        var first = 0;
        while (first < cut && PythonText.IsWhitespace(text[first]))
        {
            first++;
        }

        var last = cut;
        while (last > first && PythonText.IsWhitespace(text[last - 1]))
        {
            last--;
        }

        return last > first ? line.Slice(first, last - first) : null;
    }
}

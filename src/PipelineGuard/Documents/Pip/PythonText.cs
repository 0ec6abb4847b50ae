namespace PipelineGuard.Documents.Pip;

/// <summary>
/// The character classes pip gets from Python: <c>str.isspace</c> / regex <c>\s</c> (used by
/// <c>COMMENT_RE</c> and <c>str.strip()</c>) and the line boundaries of <c>str.splitlines()</c>.
/// They are wider than .NET's: a form feed or U+2028 starts a new line for pip.
/// See https://docs.python.org/3/library/stdtypes.html#str.splitlines
/// </summary>
internal static class PythonText
{
    /// <summary>Python's <c>str.isspace()</c> (same set as <c>re</c>'s <c>\s</c>); one definition, shared with the PEP 440 reader.</summary>
    public static bool IsSpace(char c) => Versioning.Pep440.PythonText.IsWhitespace(c);

    /// <summary>A character that ends a line for <c>str.splitlines()</c> ("\r\n" counts once).</summary>
    public static bool IsLineBreak(char c) =>
        c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';

    /// <summary>
    /// The (start, length) of every line <c>str.splitlines()</c> returns: a final line break
    /// does not make an empty last line, and an empty text has no lines. Lazy: a reader that stops
    /// after its bound of lines does not scan the rest of a 16 MB file.
    /// </summary>
    public static IEnumerable<(int Start, int Length)> SplitLines(string text)
    {
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!IsLineBreak(c))
            {
                i++;
                continue;
            }

            yield return (start, i - start);
            i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            start = i;
        }

        if (start < text.Length)
        {
            yield return (start, text.Length - start);
        }
    }
}

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// Python's <c>shlex.split(s)</c> (POSIX mode, no comments, whitespace " \t\r\n"), keeping the
/// origin of every character of every word. pip runs it on the option part of each line.
/// https://github.com/python/cpython/blob/3.11/Lib/shlex.py (<c>read_token</c>)
/// </summary>
internal static class ShlexSplitter
{
    /// <summary>The words, or an error message as shlex raises it ("No closing quotation", "No escaped character").</summary>
    public static (List<MappedText> Words, string? Error) Split(MappedText text)
    {
        var words = new List<MappedText>();
        var s = text.Text;
        var i = 0;
        while (true)
        {
            // Skip whitespace between words.
            while (i < s.Length && IsWhitespace(s[i]))
            {
                i++;
            }

            if (i >= s.Length)
            {
                return (words, null);
            }

            var anchor = text.OriginOf(i).Start;
            var word = new MappedText.Builder(text.Origins, anchor);
            while (i < s.Length && !IsWhitespace(s[i]))
            {
                var c = s[i];
                if (c == '\\')
                {
                    if (i + 1 >= s.Length)
                    {
                        return (words, "No escaped character");
                    }

                    word.AppendFrom(text, i + 1);
                    i += 2;
                }
                else if (c is '\'' or '"')
                {
                    i++;
                    var closed = false;
                    while (i < s.Length)
                    {
                        if (s[i] == c)
                        {
                            closed = true;
                            i++;
                            break;
                        }

                        // Inside double quotes a backslash escapes only '"' and '\' (escapedquotes = '"').
                        if (c == '"' && s[i] == '\\')
                        {
                            if (i + 1 >= s.Length)
                            {
                                return (words, "No escaped character");
                            }

                            if (s[i + 1] is '"' or '\\')
                            {
                                word.AppendFrom(text, i + 1);
                                i += 2;
                                continue;
                            }
                        }

                        word.AppendFrom(text, i);
                        i++;
                    }

                    if (!closed)
                    {
                        return (words, "No closing quotation");
                    }
                }
                else
                {
                    word.AppendFrom(text, i);
                    i++;
                }
            }

            words.Add(word.Build());
        }
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';
}

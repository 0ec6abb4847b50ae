namespace PipelineGuard.Versioning.Pep440;

/// <summary>
/// The few Python string semantics that packaging 21.3 and pip rely on and that differ from .NET:
/// what <c>\s</c> and <c>str.strip()</c> call whitespace, what <c>[a-z]</c> matches under
/// <c>re.IGNORECASE</c>, what <c>str.lower()</c> gives for those letters, how <c>str</c> compares, and where
/// <c>str.splitlines()</c> breaks lines (a form feed or U+2028 starts a new line for pip,
/// https://docs.python.org/3/library/stdtypes.html#str.splitlines). Matching these keeps our results identical to the
/// reference on odd input instead of "close". One class for both readers.
/// </summary>
internal static class PythonText
{
    /// <summary>Python's <c>str.isspace()</c> (= regex <c>\s</c> on str): .NET's set plus U+001C..U+001F.</summary>
    public static bool IsWhitespace(char c) => char.IsWhiteSpace(c) || (c >= '\u001C' && c <= '\u001F');

    /// <summary>pyparsing's default whitespace (ParserElement.DEFAULT_WHITE_CHARS = " \n\t\r").</summary>
    public static bool IsParserWhitespace(char c) => c is ' ' or '\n' or '\t' or '\r';

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    /// <summary>
    /// Whether <paramref name="c"/> matches the ASCII letter <paramref name="lower"/> under Python's
    /// <c>re.IGNORECASE</c>: besides the two ASCII cases, sre also folds U+0130/U+0131 to 'i',
    /// U+017F (long s) to 's' and U+212A (Kelvin sign) to 'k'.
    /// </summary>
    public static bool MatchesLetter(char c, char lower)
    {
        if (c == lower || c == (char)(lower - 32))
        {
            return true;
        }

        return lower switch
        {
            'i' => c is '\u0130' or '\u0131',
            's' => c == '\u017F',
            'k' => c == '\u212A',
            _ => false,
        };
    }

    /// <summary>Matches <c>[a-z0-9]</c> under <c>re.IGNORECASE</c> (ASCII plus the four folded letters).</summary>
    public static bool IsLocalChar(char c) =>
        (c is >= 'a' and <= 'z') || (c is >= 'A' and <= 'Z') || IsAsciiDigit(c)
        || c is '\u0130' or '\u0131' or '\u017F' or '\u212A';

    /// <summary>Whether <paramref name="word"/> (lower-case ASCII) matches at <paramref name="pos"/>, ignoring case like sre.</summary>
    public static bool MatchesWordAt(string text, int pos, int limit, string word)
    {
        if (pos + word.Length > limit)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            if (!MatchesLetter(text[pos + i], word[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Python's <c>str.lower()</c>. Exact for every character a version can hold (ASCII and the four folded
    /// letters: U+0130 lowers to "i\u0307"); other characters use .NET's invariant simple mapping.
    /// </summary>
    public static string Lower(ReadOnlySpan<char> text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\u0130')
            {
                builder.Append("i\u0307");
            }
            else if (c == '\u212A')
            {
                builder.Append('k');
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Python <c>str.strip()</c> bounds: the first and one-past-last non-whitespace offsets.</summary>
    public static (int Start, int End) Strip(string text, int start, int end)
    {
        while (start < end && IsWhitespace(text[start]))
        {
            start++;
        }

        while (end > start && IsWhitespace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>Python compares str by code point; UTF-16 ordinal order differs only around surrogates.</summary>
    public static int CompareCodePoints(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x == y)
            {
                continue;
            }

            // A surrogate stands for a code point above U+FFFF, so it sorts after every other BMP unit.
            var xs = char.IsSurrogate(x);
            var ys = char.IsSurrogate(y);
            if (xs != ys)
            {
                return xs ? 1 : -1;
            }

            return x < y ? -1 : 1;
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Compares two digit strings without leading zeros numerically (linear, no BigInteger).</summary>
    public static int CompareDigits(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return a.Length < b.Length ? -1 : 1;
        }

        return Math.Sign(string.CompareOrdinal(a, b));
    }

    /// <summary>Drops leading zeros ("007" → "7", "000" → "0"): what <c>str(int(x))</c> prints.</summary>
    public static string TrimLeadingZeros(ReadOnlySpan<char> digits)
    {
        var i = 0;
        while (i < digits.Length - 1 && digits[i] == '0')
        {
            i++;
        }

        return digits[i..].ToString();
    }

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

using System.Runtime.CompilerServices;

namespace PipelineGuard.BuildLogs;

/// <summary>
/// Removes terminal colour codes: ECMA-48 CSI sequences (<c>ESC [ params final</c>), two-character escapes
/// (<c>ESC ( B</c>), and the bare <c>[91m</c> / <c>[0m</c> that remain when a log viewer dropped the ESC byte
/// (Azure ML's 20_image_build_log.txt shows pip's red errors that way).
/// </summary>
internal static class AnsiText
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> (at least as long) without colour codes; returns the length written.</summary>
    public static int Strip(ReadOnlySpan<char> source, Span<char> destination)
    {
        var written = 0;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\u001b')
            {
                i += EscapeLength(source[i..]);
                continue;
            }

            if (c == '[')
            {
                var bare = BareSgrLength(source[i..]);
                if (bare > 0)
                {
                    i += bare;
                    continue;
                }
            }

            destination[written++] = c;
            i++;
        }

        return written;
    }

    /// <summary>Length of the colour codes at the very start of <paramref name="text"/> (so that structure checks see the text).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int LeadingLength(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var n = text[i] == '\u001b' ? EscapeLength(text[i..]) : text[i] == '[' ? BareSgrLength(text[i..]) : 0;
            if (n == 0)
            {
                break;
            }

            i += n;
        }

        return i;
    }

    public static bool MayContainCodes(ReadOnlySpan<char> text) => text.IndexOfAny('\u001b', '[') >= 0;

    /// <summary>ESC then either a CSI sequence (parameters 0x30–0x3F, intermediates 0x20–0x2F, one final 0x40–0x7E) or one more character.</summary>
    private static int EscapeLength(ReadOnlySpan<char> s)
    {
        if (s.Length < 2)
        {
            return s.Length;
        }

        if (s[1] != '[')
        {
            return s[1] is '(' or ')' && s.Length > 2 ? 3 : 2;
        }

        var i = 2;
        while (i < s.Length && s[i] is >= '\u0030' and <= '\u003f')
        {
            i++;
        }

        while (i < s.Length && s[i] is >= '\u0020' and <= '\u002f')
        {
            i++;
        }

        return i < s.Length && s[i] is >= '\u0040' and <= '\u007e' ? i + 1 : i;
    }

    /// <summary><c>[</c>, one to three groups of at most three digits separated by <c>;</c>, then <c>m</c>; 0 when that is not what follows.</summary>
    private static int BareSgrLength(ReadOnlySpan<char> s)
    {
        var i = 1;
        for (var group = 0; group < 3; group++)
        {
            var start = i;
            while (i < s.Length && i - start < 3 && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start || i >= s.Length)
            {
                return 0;
            }

            if (s[i] == 'm')
            {
                return i + 1;
            }

            if (s[i] != ';')
            {
                return 0;
            }

            i++;
        }

        return 0;
    }
}

using System.Runtime.CompilerServices;

namespace PipelineGuard.BuildLogs;

/// <summary>
/// The prefixes that log generations put before each line, found without regular expressions:
/// ACR Tasks (2019–2022) <c>2020/05/24 04:28:33 </c>, serverless image builds (2024+) <c>2024-09-05T15:26:38: </c>,
/// Azure DevOps <c>2024-09-16T14:54:17.8090937Z </c> (stacked in front of the others when a log is copied from a
/// pipeline), and the <c>##[error]</c>-style markers Azure DevOps writes after its timestamp.
/// See docs/build-logs.md and research §4.
/// </summary>
internal static class LinePrefix
{
    /// <summary>How many characters at the start of <paramref name="line"/> are timestamps and markers (0 when none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Length(ReadOnlySpan<char> line)
    {
        var position = 0;
        for (var round = 0; round < 4; round++)
        {
            var rest = line[position..];
            var length = IsoTimestamp(rest);
            if (length == 0)
            {
                length = SlashTimestamp(rest);
            }

            if (length == 0)
            {
                length = PipelineMarker(rest);
            }

            if (length == 0)
            {
                break;
            }

            position += length;
        }

        return position;
    }

    /// <summary><c>YYYY-MM-DDTHH:MM:SS</c>, optional fraction, optional <c>Z</c>, optional <c>:</c>, then one space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int IsoTimestamp(ReadOnlySpan<char> s)
    {
        if (s.Length < 20 || !Digits(s, 0, 4) || s[4] != '-' || !Digits(s, 5, 2) || s[7] != '-' || !Digits(s, 8, 2) ||
            s[10] != 'T' || !Digits(s, 11, 2) || s[13] != ':' || !Digits(s, 14, 2) || s[16] != ':' || !Digits(s, 17, 2))
        {
            return 0;
        }

        var i = 19;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] == 'Z')
        {
            i++;
        }

        if (i < s.Length && s[i] == ':')
        {
            i++;
        }

        return EndOfPrefix(s, i);
    }

    /// <summary><c>YYYY/MM/DD HH:MM:SS</c> then one space (ACR Tasks, classic <c>docker build</c> under ACR).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SlashTimestamp(ReadOnlySpan<char> s)
    {
        if (s.Length < 19 || !Digits(s, 0, 4) || s[4] != '/' || !Digits(s, 5, 2) || s[7] != '/' || !Digits(s, 8, 2) ||
            s[10] != ' ' || !Digits(s, 11, 2) || s[13] != ':' || !Digits(s, 14, 2) || s[16] != ':' || !Digits(s, 17, 2))
        {
            return 0;
        }

        return EndOfPrefix(s, 19);
    }

    /// <summary>Azure DevOps' <c>##[error]</c>, <c>##[warning]</c>, <c>##[section]</c>, … after its timestamp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int PipelineMarker(ReadOnlySpan<char> s)
    {
        if (s.Length < 4 || s[0] != '#' || s[1] != '#' || s[2] != '[')
        {
            return 0;
        }

        var close = s[..Math.Min(s.Length, 24)].IndexOf(']');
        return close < 0 ? 0 : close + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int EndOfPrefix(ReadOnlySpan<char> s, int i) =>
        i == s.Length ? i : s[i] == ' ' ? i + 1 : 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Digits(ReadOnlySpan<char> s, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }
}

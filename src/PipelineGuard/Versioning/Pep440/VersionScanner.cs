namespace PipelineGuard.Versioning.Pep440;

/// <summary>
/// A hand-written, linear-time scanner for the PEP 440 version grammar of packaging 21.3
/// (<c>VERSION_PATTERN</c> in version.py and the version alternatives of <c>Specifier._regex_str</c>).
/// It takes the same choices as Python's backtracking regex: every optional part is taken greedily,
/// and the only backtracking that changes the outcome (giving back a trailing '.' before <c>.*</c>,
/// "a" versus "alpha") is modelled explicitly.
/// https://github.com/pypa/packaging/blob/21.3/packaging/version.py
/// </summary>
internal static class VersionScanner
{
    private static readonly string[] PreLongest = ["preview", "alpha", "beta", "pre", "rc", "a", "b", "c"];
    private static readonly string[] PreFirst = ["a", "b", "c", "rc", "pre"];
    private static readonly string[] PostWords = ["post", "rev", "r"];

    public static bool IsSeparator(char c) => c is '-' or '_' or '.';

    /// <summary>
    /// Scans a version starting exactly at <paramref name="pos"/> (no leading whitespace) up to <paramref name="limit"/>.
    /// Returns null when not even a release number is there; otherwise the longest greedy match.
    /// </summary>
    public static ScannedVersion? Scan(string text, int pos, int limit, VersionSyntax syntax)
    {
        var result = new ScannedVersion { Start = pos };
        var p = pos;
        if (p < limit && PythonText.MatchesLetter(text[p], 'v'))
        {
            p++;
        }

        // Epoch: digits followed by '!', otherwise the digits are the release.
        var digitsEnd = SkipDigits(text, p, limit);
        if (digitsEnd > p && digitsEnd < limit && text[digitsEnd] == '!')
        {
            result.Epoch = new TextRange(p, digitsEnd);
            p = digitsEnd + 1;
        }

        digitsEnd = SkipDigits(text, p, limit);
        if (digitsEnd == p)
        {
            result.FailOffset = p;
            result.FailMessage = "expected a release number (digits)";
            return null;
        }

        result.Release.Add(new TextRange(p, digitsEnd));
        p = digitsEnd;
        while (p + 1 < limit && text[p] == '.' && PythonText.IsAsciiDigit(text[p + 1]))
        {
            var end = SkipDigits(text, p + 1, limit);
            result.Release.Add(new TextRange(p + 1, end));
            p = end;
        }

        if (result.Release.Count < syntax.MinReleaseParts)
        {
            result.FailOffset = p;
            result.FailMessage = "'~=' needs a version with at least two release numbers (e.g. ~=1.4)";
            return null;
        }

        // The position just before a trailing separator that a later ".*" may take back.
        var giveBack = -1;
        var pre = ScanLetterPart(text, p, limit, syntax.Letters == LetterChoice.Longest ? PreLongest : PreFirst);
        if (pre is { } preFound)
        {
            result.Pre = preFound.Label;
            giveBack = preFound.GiveBack;
            p = preFound.End;
        }

        if (p + 1 < limit && text[p] == '-' && PythonText.IsAsciiDigit(text[p + 1]))
        {
            var end = SkipDigits(text, p + 1, limit);
            result.Post = new ScannedLabel(new TextRange(p, p), new TextRange(p + 1, end), true);
            giveBack = -1;
            p = end;
        }
        else if (ScanLetterPart(text, p, limit, PostWords) is { } postFound)
        {
            result.Post = postFound.Label;
            giveBack = postFound.GiveBack;
            p = postFound.End;
        }

        if (syntax.AllowWildcard)
        {
            // The regex tries "dev? local?" first; only when that cannot reach the end does it take ".*".
            foreach (var at in giveBack >= 0 ? new[] { p, giveBack } : [p])
            {
                if (at + 1 < limit && text[at] == '.' && text[at + 1] == '*' && OnlyWhitespace(text, at + 2, limit))
                {
                    result.Wildcard = true;
                    result.End = at + 2;
                    return result;
                }
            }
        }

        if (ScanLetterPart(text, p, limit, ["dev"]) is { } devFound)
        {
            result.Dev = devFound.Label;
            p = devFound.End;
        }

        if (syntax.AllowLocal && p + 1 < limit && text[p] == '+' && PythonText.IsLocalChar(text[p + 1]))
        {
            var start = p + 1;
            var q = start;
            while (true)
            {
                while (q < limit && PythonText.IsLocalChar(text[q]))
                {
                    q++;
                }

                if (q + 1 < limit && IsSeparator(text[q]) && PythonText.IsLocalChar(text[q + 1]))
                {
                    q++;
                    continue;
                }

                break;
            }

            result.Local = new TextRange(start, q);
            p = q;
        }

        result.End = p;
        result.FailOffset = p;
        return result;
    }

    public static bool OnlyWhitespace(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!PythonText.IsWhitespace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipDigits(string text, int p, int limit)
    {
        while (p < limit && PythonText.IsAsciiDigit(text[p]))
        {
            p++;
        }

        return p;
    }

    /// <summary><c>[-_\.]?(word)[-_\.]?[0-9]*</c> with the words tried in the given order.</summary>
    private static (ScannedLabel Label, int End, int GiveBack)? ScanLetterPart(string text, int p, int limit, string[] words)
    {
        var letterStart = p < limit && IsSeparator(text[p]) ? p + 1 : p;
        foreach (var word in words)
        {
            if (!PythonText.MatchesWordAt(text, letterStart, limit, word))
            {
                continue;
            }

            var q = letterStart + word.Length;
            var letter = new TextRange(letterStart, q);
            var giveBack = -1;
            if (q < limit && IsSeparator(text[q]))
            {
                giveBack = q;
                q++;
            }

            var numberStart = q;
            q = SkipDigits(text, q, limit);
            if (q > numberStart)
            {
                giveBack = -1;
            }

            return (new ScannedLabel(letter, new TextRange(numberStart, q), false), q, giveBack);
        }

        return null;
    }
}

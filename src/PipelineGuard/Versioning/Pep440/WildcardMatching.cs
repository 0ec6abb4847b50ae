namespace PipelineGuard.Versioning.Pep440;

/// <summary>
/// The string-based helpers packaging 21.3 uses for <c>==X.*</c> and <c>~=X</c>: <c>_version_split</c>,
/// <c>_is_not_suffix</c> and <c>_pad_version</c> in specifiers.py. They work on the specifier's raw text
/// (not normalised), so "~=v1.0" or "==1.0RC1.*" behave as oddly here as in pip; that is intended.
/// https://github.com/pypa/packaging/blob/21.3/packaging/specifiers.py
/// </summary>
internal static class WildcardMatching
{
    /// <summary><c>_version_split</c>: split on '.', and "0rc1" into "0", "rc1".</summary>
    public static List<string> Split(string version)
    {
        var result = new List<string>();
        foreach (var item in version.Split('.'))
        {
            var digits = 0;
            while (digits < item.Length && PythonText.IsAsciiDigit(item[digits]))
            {
                digits++;
            }

            // ^([0-9]+)((?:a|b|c|rc)[0-9]+)$ (case-sensitive)
            var letters = digits < item.Length && item[digits] is 'a' or 'b' or 'c' ? 1
                : digits + 1 < item.Length && item[digits] == 'r' && item[digits + 1] == 'c' ? 2 : 0;
            var numberStart = digits + letters;
            if (digits > 0 && letters > 0 && numberStart < item.Length && AllDigits(item.AsSpan(numberStart)))
            {
                result.Add(item[..digits]);
                result.Add(item[digits..]);
            }
            else
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>The prefix <c>~=</c> compares against: the release without its last number, plus ".*" (given here without it).</summary>
    public static List<string> CompatiblePrefix(string specVersion)
    {
        var parts = Split(specVersion);
        var kept = new List<string>();
        foreach (var part in parts)
        {
            if (part.StartsWith("dev", StringComparison.Ordinal) || part.StartsWith('a') || part.StartsWith('b')
                || part.StartsWith("rc", StringComparison.Ordinal) || part.StartsWith("post", StringComparison.Ordinal))
            {
                break;
            }

            kept.Add(part);
        }

        if (kept.Count > 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        // ".".join(...) of the kept parts, then split again by _compare_equal: "".split(".") is [""].
        return Split(string.Join('.', kept));
    }

    /// <summary>The wildcard branch of <c>_compare_equal</c>.</summary>
    public static bool Matches(Pep440Version prospective, List<string> splitSpec)
    {
        var splitProspective = Split(prospective.WithoutLocal().ToString());
        var shortened = splitProspective.GetRange(0, Math.Min(splitSpec.Count, splitProspective.Count));
        var (left, right) = Pad(splitSpec, shortened);
        return left.SequenceEqual(right, StringComparer.Ordinal);
    }

    private static (List<string> Left, List<string> Right) Pad(List<string> left, List<string> right)
    {
        var leftNumbers = left.TakeWhile(IsDigitString).Count();
        var rightNumbers = right.TakeWhile(IsDigitString).Count();
        var paddedLeft = new List<string>(left.Take(leftNumbers));
        paddedLeft.AddRange(Enumerable.Repeat("0", Math.Max(0, rightNumbers - leftNumbers)));
        paddedLeft.AddRange(left.Skip(leftNumbers));
        var paddedRight = new List<string>(right.Take(rightNumbers));
        paddedRight.AddRange(Enumerable.Repeat("0", Math.Max(0, leftNumbers - rightNumbers)));
        paddedRight.AddRange(right.Skip(rightNumbers));
        return (paddedLeft, paddedRight);
    }

    /// <summary>Python <c>str.isdigit()</c> for the characters a version can hold: non-empty, all digits.</summary>
    private static bool IsDigitString(string s) => s.Length > 0 && AllDigits(s);

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!PythonText.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Text.RegularExpressions;

namespace PipelineGuard.Versioning.Conda;

/// <summary>
/// A glob with '*' inside ('1.*.1', '*.7.*'): conda matches it as a regular expression against the
/// version string. Its set is not an interval; <see cref="ToSet"/> over-approximates it with every
/// version, so interval questions stay on the safe side (they may answer "admitted" for a glob).
/// </summary>
internal sealed record CondaGlobTerm(string Pattern) : CondaSpecNode
{
    public override bool Matches(CondaVersion version) => GlobMatches(Pattern, version.Text.Trim());

    public override CondaVersionSet ToSet() => CondaVersionSet.Everything;

    /// <summary>Whole-string match where '*' is any run of characters (conda turns '*' into '.*'); iterative, no regex.</summary>
    private static bool GlobMatches(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (p < pattern.Length && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}

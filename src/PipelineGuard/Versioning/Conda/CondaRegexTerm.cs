using System.Text.RegularExpressions;

namespace PipelineGuard.Versioning.Conda;

/// <summary>'^...$': a regular expression on the version string. Over-approximated by every version, like <see cref="CondaGlobTerm"/>.</summary>
internal sealed record CondaRegexTerm(Regex Expression) : CondaSpecNode
{
    public override bool Matches(CondaVersion version)
    {
        try
        {
            return Expression.IsMatch(version.Text.Trim());
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public override CondaVersionSet ToSet() => CondaVersionSet.Everything;
}

using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace PipelineGuard.Versioning.Conda;

/// <summary>
/// One node of a parsed conda version spec (conda's VersionSpec tree). <see cref="Matches"/> is
/// conda's own match; <see cref="ToSet"/> is the set of versions the node admits, as intervals.
/// </summary>
internal abstract record CondaSpecNode
{
    public abstract bool Matches(CondaVersion version);

    public abstract CondaVersionSet ToSet();
}

/// <summary>Terms joined by ',': all must match.</summary>
internal sealed record CondaAllOf(ImmutableArray<CondaSpecNode> Terms) : CondaSpecNode
{
    public override bool Matches(CondaVersion version) => Terms.All(t => t.Matches(version));

    public override CondaVersionSet ToSet() => CondaVersionSet.IntersectAll(Terms.Select(t => t.ToSet()));
}

/// <summary>Terms joined by '|': one must match.</summary>
internal sealed record CondaAnyOf(ImmutableArray<CondaSpecNode> Terms) : CondaSpecNode
{
    public override bool Matches(CondaVersion version) => Terms.Any(t => t.Matches(version));

    public override CondaVersionSet ToSet() => CondaVersionSet.UnionAll(Terms.Select(t => t.ToSet()));
}

internal enum CondaRelation
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>'==V', '!=V', '&lt;V', '&lt;=V', '&gt;V', '&gt;=V', and a bare 'V' (which conda's VersionSpec reads as '==V').</summary>
internal sealed record CondaRelationTerm(CondaRelation Relation, CondaVersion Version) : CondaSpecNode
{
    public override bool Matches(CondaVersion version)
    {
        var order = version.CompareTo(Version);
        return Relation switch
        {
            CondaRelation.Equal => order == 0,
            CondaRelation.NotEqual => order != 0,
            CondaRelation.Less => order < 0,
            CondaRelation.LessOrEqual => order <= 0,
            CondaRelation.Greater => order > 0,
            _ => order >= 0,
        };
    }

    public override CondaVersionSet ToSet()
    {
        var before = CondaCut.Before(Version);
        var after = CondaCut.After(Version);
        return Relation switch
        {
            CondaRelation.Equal => CondaVersionSet.Between(before, after),
            CondaRelation.NotEqual => CondaVersionSet.Outside(before, after),
            CondaRelation.Less => CondaVersionSet.Between(CondaCut.Bottom, before),
            CondaRelation.LessOrEqual => CondaVersionSet.Between(CondaCut.Bottom, after),
            CondaRelation.Greater => CondaVersionSet.Between(after, CondaCut.Top),
            _ => CondaVersionSet.Between(before, CondaCut.Top),
        };
    }
}

/// <summary>
/// '=1.2', '1.2.*', '1.2*' (conda's VersionOrder.startswith) and, negated, '!=1.2.*'. The versions
/// that start with a prefix form one block of the order: those that agree with the prefix before
/// its last subcomponent and have the same value there (or, for a string, a string starting with it).
/// </summary>
internal sealed record CondaStartsWithTerm(CondaVersion Prefix, bool Negated) : CondaSpecNode
{
    public override bool Matches(CondaVersion version) => version.StartsWith(Prefix) != Negated;

    public override CondaVersionSet ToSet()
    {
        var part = Prefix.HasLocal ? 1 : 0;
        var components = Prefix.PartAt(part);
        var component = components[^1];
        var position = new CondaPosition(part, components.Length - 1, component.Length - 1);
        var last = component[^1];
        var low = CondaCut.Block(Prefix, position, CondaValueCut.Before(last));
        var high = CondaCut.Block(
            Prefix,
            position,
            last.Kind == CondaPartKind.String ? CondaValueCut.AfterStringsStartingWith(last.Text) : CondaValueCut.AfterValue(last));
        return Negated ? CondaVersionSet.Outside(low, high) : CondaVersionSet.Between(low, high);
    }
}

/// <summary>'~=V': conda's compatible_release_operator, V or later and starting with V minus its last '.' segment.</summary>
internal sealed record CondaCompatibleTerm(CondaVersion Version, CondaVersion Prefix) : CondaSpecNode
{
    public override bool Matches(CondaVersion version) => version >= Version && version.StartsWith(Prefix);

    public override CondaVersionSet ToSet() =>
        new CondaRelationTerm(CondaRelation.GreaterOrEqual, Version).ToSet().Intersect(new CondaStartsWithTerm(Prefix, Negated: false).ToSet());
}

/// <summary>'*': every version.</summary>
internal sealed record CondaAnyVersionTerm : CondaSpecNode
{
    public override bool Matches(CondaVersion version) => true;

    public override CondaVersionSet ToSet() => CondaVersionSet.Everything;
}

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

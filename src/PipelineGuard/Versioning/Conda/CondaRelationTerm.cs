using System.Text.RegularExpressions;

namespace PipelineGuard.Versioning.Conda;

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

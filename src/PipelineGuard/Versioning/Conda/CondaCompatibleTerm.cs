using System.Text.RegularExpressions;

namespace PipelineGuard.Versioning.Conda;

/// <summary>'~=V': conda's compatible_release_operator, V or later and starting with V minus its last '.' segment.</summary>
internal sealed record CondaCompatibleTerm(CondaVersion Version, CondaVersion Prefix) : CondaSpecNode
{
    public override bool Matches(CondaVersion version) => version >= Version && version.StartsWith(Prefix);

    public override CondaVersionSet ToSet() =>
        new CondaRelationTerm(CondaRelation.GreaterOrEqual, Version).ToSet().Intersect(new CondaStartsWithTerm(Prefix, Negated: false).ToSet());
}

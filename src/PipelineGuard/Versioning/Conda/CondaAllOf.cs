using System.Collections.Immutable;

namespace PipelineGuard.Versioning.Conda;

/// <summary>Terms joined by ',': all must match.</summary>
internal sealed record CondaAllOf(ImmutableArray<CondaSpecNode> Terms) : CondaSpecNode
{
    public override bool Matches(CondaVersion version) => Terms.All(t => t.Matches(version));

    public override CondaVersionSet ToSet() => CondaVersionSet.IntersectAll(Terms.Select(t => t.ToSet()));
}

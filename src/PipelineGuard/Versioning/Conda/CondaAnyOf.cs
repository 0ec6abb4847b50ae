using System.Collections.Immutable;

namespace PipelineGuard.Versioning.Conda;

/// <summary>Terms joined by '|': one must match.</summary>
internal sealed record CondaAnyOf(ImmutableArray<CondaSpecNode> Terms) : CondaSpecNode
{
    public override bool Matches(CondaVersion version) => Terms.Any(t => t.Matches(version));

    public override CondaVersionSet ToSet() => CondaVersionSet.UnionAll(Terms.Select(t => t.ToSet()));
}

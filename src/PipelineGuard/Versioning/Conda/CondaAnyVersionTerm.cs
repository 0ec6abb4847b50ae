using System.Text.RegularExpressions;

namespace PipelineGuard.Versioning.Conda;

/// <summary>'*': every version.</summary>
internal sealed record CondaAnyVersionTerm : CondaSpecNode
{
    public override bool Matches(CondaVersion version) => true;

    public override CondaVersionSet ToSet() => CondaVersionSet.Everything;
}

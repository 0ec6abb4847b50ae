using System.Text.RegularExpressions;

namespace PipelineGuard.Versioning.Conda;

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

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

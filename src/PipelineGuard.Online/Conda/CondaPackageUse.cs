using PipelineGuard.Environments;

namespace PipelineGuard.Online.Conda;

/// <summary>One conda dependency of a spec, and the channel URLs conda would search for it (its own <c>channel::</c>, else the spec's channels).</summary>
internal sealed record CondaPackageUse(CondaDependency Dependency, IReadOnlyList<string> Channels)
{
    public string Name => Dependency.Name!.ToLowerInvariant();
}

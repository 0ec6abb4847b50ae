namespace PipelineGuard.Versioning.Conda;

/// <summary>One open interval of conda's version order: every version above <see cref="Low"/> and below <see cref="High"/>.</summary>
internal sealed record CondaInterval(CondaCut Low, CondaCut High)
{
    public bool Contains(CondaVersion version) => Low.IsBelow(version) && !High.IsBelow(version);
}

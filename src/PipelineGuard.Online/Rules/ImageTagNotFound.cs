using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Online.Registry;
using PipelineGuard.Rules;

namespace PipelineGuard.Online.Rules;

/// <summary>
/// PG205: the registry answered 404 for the base image's tag or digest (<c>manifest unknown</c>): the image build
/// fails at its first step. The finding points at the tag or the digest.
/// </summary>
internal sealed class ImageTagNotFound : IOnlineRule
{
    public RuleInfo Info => RuleCatalog.ImageTagNotFound;

    public IEnumerable<Finding> Check(Workspace workspace, IndexFacts facts, OnlineOptions options)
    {
        foreach (var use in ImageUses.Of(workspace))
        {
            if (!facts.Images.TryGetValue(use.Key, out var exists) || exists)
            {
                continue;
            }

            var reference = use.Image.Reference!;
            var what = reference.Digest is not null ? $"digest {reference.Digest}" : $"tag '{reference.Tag}'";
            var range = reference.DigestRange ?? reference.TagRange;
            yield return new Finding(Info, Info.DefaultSeverity,
                $"{use.Image.Quoted}: {reference.Domain} has no {what} of {reference.Path} (manifest unknown), so the image build fails " +
                "at its first step. Pin a tag the registry has (a retired image's tags are deleted), or a digest.",
                range is { } r ? use.Image.SpanOf(r) : use.Image.Span);
        }
    }
}

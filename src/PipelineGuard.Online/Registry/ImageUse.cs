using PipelineGuard.Analysis;

namespace PipelineGuard.Online.Registry;

/// <summary>A pinned base image (a tag or a digest) and the manifest URL of its registry (<c>/v2/&lt;repository&gt;/manifests/&lt;reference&gt;</c>).</summary>
internal sealed record ImageUse(BaseImageUse Image, string Registry, string Repository, string Reference)
{
    public string ManifestUrl => $"{Registry}/v2/{Repository}/manifests/{Reference}";

    /// <summary>The key of the facts: registry, repository and reference, however the image was written.</summary>
    public string Key => ManifestUrl;
}

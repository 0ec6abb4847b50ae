using PipelineGuard.Analysis;
using PipelineGuard.Environments;

namespace PipelineGuard.Online.Registry;

/// <summary>
/// What PG205 looks up: every base image of every environment that names a tag or a digest (an image without one
/// floats, PG110's concern). Docker Hub is asked at <c>registry-1.docker.io</c>; a registry on the loopback
/// (<c>localhost:5000</c>) over HTTP, as Docker allows; every other one over HTTPS.
/// </summary>
internal static class ImageUses
{
    public static IReadOnlyList<ImageUse> Of(Workspace workspace)
    {
        var uses = new List<ImageUse>();
        foreach (var image in workspace.Environments.SelectMany(BaseImages.Of))
        {
            if (image.Reference is not { } reference || (reference.Tag is null && reference.Digest is null))
            {
                continue;
            }

            var registry = reference.IsDockerHub ? "https://registry-1.docker.io"
                : IsLoopback(reference.Domain) ? "http://" + reference.Domain
                : "https://" + reference.Domain;
            uses.Add(new ImageUse(image, registry, reference.Path, reference.Digest ?? reference.Tag!));
        }

        return uses;
    }

    private static bool IsLoopback(string domain)
    {
        var host = domain.StartsWith('[') ? domain[..(domain.IndexOf(']', StringComparison.Ordinal) + 1)] : domain.Split(':')[0];
        return host is "localhost" or "127.0.0.1" or "[::1]";
    }
}

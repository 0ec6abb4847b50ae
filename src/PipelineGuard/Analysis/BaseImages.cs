using PipelineGuard.Documents.Docker;
using PipelineGuard.Documents.Images;
using PipelineGuard.Environments;

namespace PipelineGuard.Analysis;

/// <summary>
/// Every base image an environment names: its <c>image</c> / <c>docker.baseImage</c> and each <c>FROM</c> of its
/// Dockerfile. A FROM that names an earlier stage (<c>FROM builder</c>) or <c>scratch</c> pulls nothing and is left
/// out; a FROM that uses ARGs is expanded with the global ARG defaults, and left out when they do not resolve it.
/// </summary>
internal static class BaseImages
{
    public static IEnumerable<BaseImageUse> Of(AmlEnvironment environment)
    {
        if (environment.Image is { } image && image.Value.Length > 0)
        {
            yield return new BaseImageUse(image, image.Value);
        }

        if (environment.Build?.Dockerfile is { } dockerfile)
        {
            foreach (var use in FromLines(dockerfile))
            {
                yield return use;
            }
        }
    }

    public static IEnumerable<BaseImageUse> FromLines(DockerfileDocument dockerfile)
    {
        DockerfileGlobalArgs? args = null;
        var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var instruction in dockerfile.Instructions)
        {
            if (instruction.From is not { } from)
            {
                continue;
            }

            var written = from.Image;
            var text = written.Value;
            var resolved = true;
            if (text.Contains('$', StringComparison.Ordinal))
            {
                args ??= DockerfileGlobalArgs.Of(dockerfile);
                resolved = args.TryExpand(text, out text);
            }

            // BuildKit compares stage names case-insensitively (it lower-cases them); "scratch" is the empty image.
            if (resolved && text.Length > 0 && !stages.Contains(text) && !text.Equals("scratch", StringComparison.OrdinalIgnoreCase))
            {
                yield return new BaseImageUse(written, text);
            }

            if (from.StageName is { } stage)
            {
                stages.Add(stage.Value);
            }
        }
    }
}

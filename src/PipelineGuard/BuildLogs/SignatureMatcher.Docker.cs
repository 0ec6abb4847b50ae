using PipelineGuard.Rules.Logs;

namespace PipelineGuard.BuildLogs;

/// <summary>
/// Docker's own errors, classic builder and BuildKit: missing images (<c>manifest unknown</c>, <c>failed to resolve source
/// metadata … not found</c>), Dockerfile syntax (<c>Dockerfile parse error line N</c> / <c>dockerfile parse error on line N</c>),
/// COPY sources (<c>COPY failed</c> / <c>failed to compute cache key … not found</c>) and pushes.
/// </summary>
internal sealed partial class SignatureMatcher
{
    private void MatchDocker(LogLine line)
    {
        var text = line.Text;

        if (Has(text, "manifest unknown") || Has(text, "MANIFEST_UNKNOWN") || (Has(text, "manifest for ") && Has(text, "not found")) ||
            (Has(text, "failed to resolve source metadata") && Has(text, "not found")))
        {
            var image = ImageOf(text);
            Emit(Signal(LogRules.ImageNotFound, LogKinds.ImageNotFound, Strength.Decisive, line,
                $"the base image {(image is null ? string.Empty : $"'{image}' ")}does not exist: the repository is there but not this tag or digest (manifest unknown). " +
                "Check the tag (tags of Azure ML's images are dated and old ones are removed: list them at https://mcr.microsoft.com/v2/<repository>/tags/list), " +
                "and pin a tag that exists.")
                with { Image = image });
            return;
        }

        if (Has(text, "arse error") || Has(text, "unknown instruction"))
        {
            var lineNumber = LogText.IntegerAfter(text, "line ");
            var detail = LogText.After(text, "unknown instruction:")?.Trim();
            Emit(Signal(LogRules.DockerfileBuildError, LogKinds.DockerfileSyntax, Strength.Decisive, line,
                $"Docker could not parse the Dockerfile{(lineNumber is null ? string.Empty : $" at line {lineNumber}")}" +
                (detail is null ? $": {LogText.Clip(LogText.After(text, "error")?.TrimStart(':', ' ') ?? text, 120)}" : $": '{detail}' is not a Dockerfile instruction") +
                ". Fix the instruction (a space between the keyword and its arguments, a continuation '\\' at the end of the previous line) and save the file as UTF-8.")
                with { RequirementText = detail, RequirementsLine = lineNumber });
            return;
        }

        if (Has(text, "COPY failed") || Has(text, "ADD failed") || Has(text, "failed to compute cache key") || Has(text, "failed to calculate checksum") ||
            Has(text, "error from sender") || Has(text, "failed to read dockerfile"))
        {
            var file = CopySource(text);
            var dockerfile = Has(text, "failed to read dockerfile");
            Emit(Signal(LogRules.DockerfileBuildError, LogKinds.CopySourceMissing, Strength.Decisive, line,
                dockerfile
                    ? $"Docker could not read the Dockerfile{(file is null ? string.Empty : $" '{file}'")}: the Dockerfile path must be relative to the build context (Azure ML v2: build.dockerfile_path is relative to build.path)."
                    : $"the COPY/ADD source {(file is null ? string.Empty : $"'{file}' ")}is not in the build context, or .dockerignore excludes it. Sources are relative to the context folder " +
                      "(Azure ML v2: build.path), not to the Dockerfile; a comment at the end of a COPY line is read as one more source. Fix the path, or move the file into the context.")
                with { RequirementText = file });
            return;
        }

        if (Has(text, "failed to push") || Has(text, "error pushing") || Has(text, "Failed to push"))
        {
            var registry = RegistryOfRepository(text) ?? LogText.Host(LogText.Url(text)) ?? PushTarget;
            Emit(Signal(LogRules.ImagePushFailed, LogKinds.PushFailed, Strength.Decisive, line,
                $"the built image could not be pushed to {registry ?? "the registry"} ({LogText.Clip(line.Trimmed, 120)}). Retry first (ACR refuses pushes transiently); " +
                "if it persists, check the workspace identity's AcrPush role and the registry's network rules.")
                with { Host = registry });
        }
    }

    /// <summary>The image of <c>manifest for X not found</c> or <c>failed to resolve source metadata for X: …</c>.</summary>
    private static string? ImageOf(string text)
    {
        var manifest = LogText.After(text, "manifest for ");
        if (manifest is not null)
        {
            return LogText.Until(manifest, " not found", ": ").Trim();
        }

        var metadata = LogText.After(text, "source metadata for ");
        if (metadata is not null)
        {
            return LogText.Until(metadata, ": ").Trim();
        }

        return null;
    }

    /// <summary>The missing path of a COPY failure: <c>stat requirements.txt: file does not exist</c>, <c>"/app": not found</c>, <c>lstat deploy: no such file</c>.</summary>
    private static string? CopySource(string text)
    {
        var notFound = text.LastIndexOf("\": not found", StringComparison.Ordinal);
        if (notFound > 0)
        {
            var open = text.LastIndexOf('"', notFound - 1);
            if (open >= 0)
            {
                return text[(open + 1)..notFound].TrimStart('/');
            }
        }

        var stat = LogText.After(text, "lstat ") ?? LogText.After(text, "stat ") ?? LogText.After(text, "open ");
        if (stat is null)
        {
            return null;
        }

        var path = LogText.Until(stat, ": ").Trim();
        var builder = path.IndexOf("docker-builder", StringComparison.Ordinal);
        if (builder >= 0)
        {
            var slash = path.IndexOf('/', builder);
            path = slash < 0 ? path : path[(slash + 1)..];
        }

        return path.Length == 0 ? null : path;
    }
}

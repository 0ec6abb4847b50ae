using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>PG324: the base image's tag or digest does not exist (<c>manifest unknown</c>, <c>manifest for X not found</c>, BuildKit's <c>failed to resolve source metadata for X: … not found</c>).</summary>
internal sealed class ImageNotFound : LogRule
{
    public static readonly RuleInfo Rule = new("PG324", "image-not-found", Severity.Error,
        "The base image's tag or digest does not exist (manifest unknown).");

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Docker, 10, ["manifest unknown", "MANIFEST_UNKNOWN", "manifest for ", "failed to resolve source metadata"], NoManifest)
        {
            ReachedThroughTheirLine = ["manifest unknown", "MANIFEST_UNKNOWN", "manifest for "],
        },
    ];

    private static bool NoManifest(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!(Has(text, "manifest unknown") || Has(text, "MANIFEST_UNKNOWN") || (Has(text, "manifest for ") && Has(text, "not found")) ||
              (Has(text, "failed to resolve source metadata") && Has(text, "not found"))))
        {
            return false;
        }

        var image = ImageOf(text);
        context.Emit(new LogSignal(Rule, LogKinds.ImageNotFound, Strength.Decisive, line,
            $"the base image {(image is null ? string.Empty : $"'{image}' ")}does not exist: the repository is there but not this tag or digest (manifest unknown). " +
            "Check the tag (tags of Azure ML's images are dated and old ones are removed: list them at https://mcr.microsoft.com/v2/<repository>/tags/list), " +
            "and pin a tag that exists.")
            with { Image = image });
        return true;
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
        return metadata is null ? null : LogText.Until(metadata, ": ").Trim();
    }
}

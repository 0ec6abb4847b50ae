using PipelineGuard.Analysis;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Images;

/// <summary>
/// PG109: a base image (<c>image</c>, <c>docker.baseImage</c>, a Dockerfile <c>FROM</c>) is not a valid Docker image
/// reference (distribution/reference grammar): Docker stops with "invalid reference format" before anything is
/// built. Guide: "Failed to pull Docker image" (correct the registry path). Templates are never reported.
/// </summary>
internal sealed class InvalidImageReference : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG109", "invalid-image-reference", Severity.Error,
        "A base image is not a valid Docker image reference (backslash, upper case, space, empty path component, bad tag or digest).");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        foreach (var use in BaseImages.Of(environment))
        {
            if (use.Error is { } error)
            {
                yield return Report(use.SpanOf(error.Range),
                    $"{use.Quoted} is not a valid image reference: {error.Message}. Docker refuses it ('invalid reference format') " +
                    "and the image build fails before it starts. Write it as [registry/]repository[:tag][@digest], e.g. " +
                    "'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240909.v1'.");
            }
        }
    }
}

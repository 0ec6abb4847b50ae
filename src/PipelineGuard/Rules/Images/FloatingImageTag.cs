using PipelineGuard.Analysis;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Images;

/// <summary>
/// PG110: a base image has no tag, or <c>latest</c>, and no digest, so each build may start from a different image.
/// Guide: "No tag or digest" (for the environment to be reproducible, a version tag or a digest must be given).
/// No fix text: the right tag cannot be guessed.
/// </summary>
internal sealed class FloatingImageTag : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG110", "floating-image-tag", Severity.Warning,
        "A base image has no tag, or 'latest', and no digest: the build is not reproducible.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        foreach (var use in BaseImages.Of(environment))
        {
            if (use.Reference is not { Digest: null } reference)
            {
                continue;
            }

            const string Why = "Azure ML then builds from whatever the registry serves that day, so the environment is not reproducible " +
                               "and can break without any change in the repository. Pin a version tag or a digest (@sha256:…).";
            if (reference.TagRange is not { } tag)
            {
                yield return Report(use.Span, $"the base image {use.Quoted} has no tag and no digest (Docker pulls ':latest'). {Why}");
            }
            else if (reference.Tag == "latest")
            {
                yield return Report(use.SpanOf(tag), $"the base image {use.Quoted} uses the floating tag 'latest'. {Why}");
            }
        }
    }
}

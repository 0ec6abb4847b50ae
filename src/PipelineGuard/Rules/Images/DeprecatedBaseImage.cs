using PipelineGuard.Analysis;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Images;

/// <summary>
/// PG121: the base image is on Azure ML's list of deprecated images (<see cref="DeprecatedBaseImages"/>).
/// Guide: "Base image is deprecated": Azure ML gives no support for builds on them, and they get no security updates.
/// </summary>
internal sealed class DeprecatedBaseImage : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG121", "deprecated-base-image", Severity.Warning,
        "The base image is on Azure ML's list of deprecated images.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        foreach (var use in BaseImages.Of(environment))
        {
            if (use.Reference is { } reference && DeprecatedBaseImages.IsDeprecated(reference))
            {
                yield return Report(use.SpanOf(reference.NameRange),
                    $"the base image {use.Quoted} is deprecated: it is on Azure ML's list of deprecated images, Azure ML gives no " +
                    "troubleshooting support for builds on it, and it no longer gets security updates. " +
                    $"Upgrade to a supported image (see {DeprecatedBaseImages.SupportedImages}).");
            }
        }
    }
}

using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Environment;

/// <summary>
/// PG126: v1 <c>python.baseCondaEnvironment</c> is set. Azure ML then clones an existing conda environment of the
/// image, whose contents are not in the repository and can change. Guide: "Base conda environment not recommended" (D28).
/// </summary>
internal sealed class BaseCondaEnvironment : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG126", "base-conda-environment", Severity.Warning,
        "v1 baseCondaEnvironment is set.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.BaseCondaEnvironment is { Value.Length: > 0 } based)
        {
            yield return Report(based.Span,
                $"baseCondaEnvironment '{based.Value}' builds on a conda environment of the image that the repository does not " +
                "describe, so builds are not reproducible. Remove it and list every package in the conda dependencies.");
        }
    }
}

using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Environment;

/// <summary>
/// PG119: an environment name starts with <c>Microsoft</c> or <c>AzureML</c> (reserved for curated environments)
/// or is longer than 255 characters. Azure ML refuses to register it. Guide: "Curated prefix not allowed" (D1),
/// "Environment name is too long" (D2).
/// </summary>
internal sealed class ReservedEnvironmentName : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG119", "reserved-environment-name", Severity.Error,
        "An environment name starts with Microsoft or AzureML, or is longer than 255 characters.");

    private static readonly string[] ReservedPrefixes = ["Microsoft", "AzureML"];

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        // Only Azure ML definitions register a name; a conda spec's `name` is the conda environment's.
        if (environment.Kind is not (EnvironmentKind.AzureMlV1 or EnvironmentKind.AzureMlV2 or EnvironmentKind.Inline) ||
            environment.Name is not { } name)
        {
            yield break;
        }

        var prefix = ReservedPrefixes.FirstOrDefault(p => name.Value.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        if (prefix is not null)
        {
            yield return Report(name.Span,
                $"the environment name '{name.Value}' starts with '{prefix}', which Azure ML reserves for curated environments; " +
                "registration fails. Rename it without the prefix.");
        }

        if (name.Value.Length > 255)
        {
            yield return Report(name.Span,
                $"the environment name is {name.Value.Length} characters long; Azure ML accepts at most 255. Shorten it.");
        }
    }
}

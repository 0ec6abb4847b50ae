using PipelineGuard.Documents.Pip;
using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Rules.Pip;

/// <summary>
/// PG106: a conda or pip package (other than python and pip, which have PG111 and PG102) is not pinned to one
/// exact version. Each build then resolves whatever is newest that day, so an image that built yesterday can
/// fail today. Guide: "Unpinned dependencies". A warning: Microsoft's own samples have hundreds of them.
/// </summary>
internal sealed class DependencyUnpinned : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG106", "dependency-unpinned", Severity.Warning,
        "A conda or pip package is not pinned to one exact version.");

    private static readonly HashSet<string> OwnRules = new(StringComparer.OrdinalIgnoreCase) { "python", "pip" };

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        foreach (var dependency in environment.Conda?.Dependencies ?? [])
        {
            if (dependency.Spec is { } spec && !OwnRules.Contains(spec.Name) && !spec.IsExactPin)
            {
                yield return Report(dependency.ValueSpan,
                    $"conda package '{spec.Name}' ('{dependency.Text.Value.Trim()}') is not pinned to one version; each build " +
                    $"resolves the newest match, so the image can change or break between builds. Pin it, e.g. '{spec.Name}=<version>'.");
            }
        }

        foreach (var requirement in environment.PipRequirements.SelectMany(d => d.Requirements))
        {
            var text = requirement.Requirement.Value;
            if (requirement.Kind != RequirementKind.Named || requirement.IsEditable ||
                text.Contains("{{", StringComparison.Ordinal) || text.Contains("${", StringComparison.Ordinal) ||
                !Pep508Requirement.TryParse(text, out var parsed, out _) || parsed.Url is not null ||
                OwnRules.Contains(parsed.NormalizedName) || parsed.Specifier.IsExactPin)
            {
                continue;
            }

            yield return Report(requirement.SpanOf(0, text.TrimEnd().Length),
                $"pip package '{parsed.Name}' ('{text.Trim()}') is not pinned with '==' to one version; each build installs the " +
                $"newest match, so the image can change or break between builds. Pin it, e.g. '{parsed.Name}==<version>'.");
        }
    }
}

using PipelineGuard.Analysis;
using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Rules.Pip;

/// <summary>
/// PG108: one package is installed by both conda and pip. pip then replaces conda's copy: it tries to uninstall
/// it first, which fails for packages conda installed without pip's RECORD file ("Cannot uninstall 'X'. It is a
/// distutils installed project and thus we cannot accurately determine which files belong to it"), and otherwise
/// leaves conda's metadata describing files that are no longer there. Names are compared after PEP 503
/// normalisation (case, '-', '_', '.'); projects whose conda and PyPI names differ (pytorch / torch) are not
/// matched. Constraint files install nothing, so they are left out.
/// </summary>
internal sealed class CondaPipOverlap : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG108", "conda-pip-overlap", Severity.Warning,
        "One package is installed by both conda and pip.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        var conda = new Dictionary<string, CondaDependency>(StringComparer.Ordinal);
        foreach (var dependency in environment.Conda?.Dependencies ?? [])
        {
            if (dependency.Name is { } name)
            {
                conda.TryAdd(Pep508Requirement.Normalize(name), dependency);
            }
        }

        if (conda.Count == 0)
        {
            yield break;
        }

        foreach (var source in PipSources.Of(environment).Where(s => !s.IsConstraint))
        {
            foreach (var requirement in source.Document.Requirements)
            {
                if (requirement.Name is not { } name || requirement.NormalizedName is not { } key ||
                    !conda.TryGetValue(key, out var installed))
                {
                    continue;
                }

                var condaText = installed.Text.Value.Trim();
                yield return Report(requirement.SpanOf(0, requirement.Requirement.Value.TrimEnd().Length),
                    $"'{name.Value}' is installed by pip and also by conda ('{condaText}'): pip replaces conda's copy and can " +
                    $"fail with \"Cannot uninstall '{name.Value}'. It is a distutils installed project\", or leave conda's " +
                    $"metadata out of date. Install '{name.Value}' with one of them: drop it from the pip list, or from the conda dependencies.")
                    with { Related = [new RelatedLocation(installed.ValueSpan, $"conda installs '{condaText}' here")] };
            }
        }
    }
}

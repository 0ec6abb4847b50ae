using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Rules.Conda;

/// <summary>
/// PG104: a conda older than 4.5.4 is pinned or installed. Azure ML's build runs
/// <c>conda env create -p … -f mutated_conda_dependencies.yml</c>, which needs conda 4.5.4 or newer in a
/// custom base image. Guide (2020 edition): "custom base images need conda >= 4.5.4".
/// Dockerfile sources (installer names, <c>conda install conda=…</c>, <c>CONDA_VERSION</c>) are checked by
/// the Dockerfile part of the rule under the same ID.
/// </summary>
internal sealed class CondaTooOld : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG104", "conda-too-old", Severity.Error,
        "A conda older than 4.5.4 is pinned or installed; Azure ML's image build needs 4.5.4 or newer.");

    public static readonly CondaVersion Minimum = CondaVersion.Parse("4.5.4");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Conda is not { } conda)
        {
            yield break;
        }

        foreach (var dependency in conda.Named("conda"))
        {
            if (dependency.Spec?.Version is { } version && !version.AdmitsAtOrAbove(Minimum))
            {
                yield return Report(dependency.Text.Span, Message($"'{dependency.Text.Value.Trim()}'"), fix: "conda>=4.5.4");
            }
        }
    }

    public static string Message(string what) =>
        $"{what} installs a conda older than 4.5.4; Azure ML builds the environment with 'conda env create -p', " +
        "which fails with such a conda. Use conda 4.5.4 or newer (e.g. a current Miniconda).";
}

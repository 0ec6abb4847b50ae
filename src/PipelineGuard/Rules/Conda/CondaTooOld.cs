using PipelineGuard.Analysis;
using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Rules.Conda;

/// <summary>
/// PG104: a conda older than 4.5.4 is pinned or installed. Azure ML's build runs
/// <c>conda env create -p … -f mutated_conda_dependencies.yml</c>, which needs conda 4.5.4 or newer in a
/// custom base image. Guide (2020 edition): "custom base images need conda >= 4.5.4".
/// In Dockerfiles it reads installer names, <c>conda install conda=…</c>, <c>CONDA_VERSION</c> and
/// <c>continuumio/miniconda3:TAG</c> images (see <see cref="CondaInDockerfile"/>).
/// </summary>
internal sealed class CondaTooOld : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG104", "conda-too-old", Severity.Error,
        "A conda older than 4.5.4 is pinned or installed; Azure ML's image build needs 4.5.4 or newer.");

    public static readonly CondaVersion Minimum = CondaVersion.Parse("4.5.4");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        foreach (var dependency in environment.Conda?.Named("conda") ?? [])
        {
            if (dependency.Spec?.Version is { } version && !version.AdmitsAtOrAbove(Minimum))
            {
                // No machine fix: a range would be PG106's (unpinned), and which exact conda runs depends on the Python.
                yield return Report(dependency.ValueSpan,
                    Message($"'{dependency.Text.Value.Trim()}'") + " In a conda spec, remove the pin (the base image's conda builds the environment) or pin one conda of 4.5.4 or newer that supports your Python.");
            }
        }

        if (environment.Build?.Dockerfile is not { } dockerfile)
        {
            yield break;
        }

        foreach (var found in CondaInDockerfile.Find(dockerfile))
        {
            var old = found.Spec is { } spec ? !spec.AdmitsAtOrAbove(Minimum) : found.Version!.CompareTo(Minimum) < 0;
            if (old)
            {
                yield return Report(found.Span, Message(found.What));
            }
        }
    }

    public static string Message(string what) =>
        $"{what} installs a conda older than 4.5.4; Azure ML builds the environment with 'conda env create -p', " +
        "which fails with such a conda. Use conda 4.5.4 or newer (e.g. a current Miniconda).";
}

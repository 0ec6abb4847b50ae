using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Environment;

/// <summary>
/// PG128: a deprecated v1 <c>docker</c> setting (<c>enabled</c>, <c>arguments</c>, <c>sharedVolumes</c>,
/// <c>gpuSupport</c>, <c>shmSize</c>) is given a value other than its default. Azure ML ignores or rejects it; the
/// setting belongs in the run's <c>DockerConfiguration</c>. Guide: "Deprecated Docker attribute" (D9).
/// </summary>
internal sealed class DeprecatedDockerSetting : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG128", "deprecated-docker-setting", Severity.Warning,
        "A deprecated v1 docker setting (enabled, arguments, sharedVolumes, gpuSupport, shmSize) is set.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        foreach (var setting in environment.DeprecatedDockerSettings)
        {
            yield return Report(setting.Span,
                $"docker.{setting.Value} is deprecated in the environment definition; Azure ML ignores it or refuses the " +
                "definition. Move it to the run configuration's DockerConfiguration and remove it here.");
        }
    }
}

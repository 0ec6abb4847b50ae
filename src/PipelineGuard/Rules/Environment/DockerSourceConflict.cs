using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Environment;

/// <summary>
/// PG120: the definition names more than one Docker source, or none. v2: both <c>image</c> and <c>build</c>, or
/// neither; <c>conda_file</c> together with <c>build</c>. v1: more than one, or none, of <c>baseImage</c>,
/// <c>baseDockerfile</c>, <c>buildContext</c>; a v1 definition without a <c>docker</c> key builds on azureml-core's
/// default CPU image and is not reported. Guide: "Too many Docker options" (D4), "Missing Docker option" (D5),
/// "Missing Docker definition" (D3), "Not allowed to specify attribute with Docker build context" (D13).
/// </summary>
internal sealed class DockerSourceConflict : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG120", "docker-source-conflict", Severity.Error,
        "The definition names more than one Docker source (image, build, Dockerfile), or none.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Kind is not (EnvironmentKind.AzureMlV1 or EnvironmentKind.AzureMlV2 or EnvironmentKind.Inline))
        {
            yield break;
        }

        var sources = environment.DockerSources;
        var names = string.Join(", ", sources.Select(s => s.Value));
        if (sources.Count > 1)
        {
            yield return Report(sources[1].Span,
                $"the environment names several Docker sources ({names}); Azure ML accepts exactly one and refuses the " +
                "definition. Keep one and remove the others.");
        }
        else if (sources.Count == 0 && !environment.UsesDefaultDockerImage)
        {
            var expected = environment.Kind == EnvironmentKind.AzureMlV1 ? "docker.baseImage, baseDockerfile or buildContext" : "'image' or 'build'";
            var why = environment.DockerSectionMissing && environment.Kind == EnvironmentKind.AzureMlV1 ? "has no 'docker' section" : "names no Docker source";
            yield return Report(environment.Name?.Span ?? environment.Origin,
                $"the environment {why}; Azure ML needs exactly one of {expected} to build it. Add one.");
        }

        if (environment.CondaFileKey is { } condaFile && sources.Any(s => s.Value == "build"))
        {
            yield return Report(condaFile,
                "'conda_file' is not allowed together with 'build': with a build context Azure ML builds only the Dockerfile. " +
                "Put the conda file in the build context and install it from the Dockerfile.");
        }
    }
}

using PipelineGuard.Documents.Tree;

namespace PipelineGuard.Documents.AzureMl;

/// <summary>
/// The keys of an SDK v1 <c>azureml_environment.json</c> (camelCase serialisation of azureml-core's
/// <c>Environment</c>, see <c>azureml/core/environment.py</c>). Every key is optional.
/// </summary>
internal sealed record V1EnvironmentDefinition(
    DocMapping Map,
    DocScalar? Name,
    DocEntry? UserManagedDependencies,
    DocScalar? InterpreterPath,
    DocEntry? CondaDependencies,
    DocEntry? Docker,
    DocEntry? BaseImage,
    DocEntry? BaseDockerfile,
    DocEntry? BuildContext)
{
    public static V1EnvironmentDefinition Read(DocMapping map)
    {
        var python = map.Get("python") as DocMapping;
        var docker = map.Entry("docker");
        var dockerMap = docker?.Value as DocMapping;
        return new V1EnvironmentDefinition(
            map,
            map.Scalar("name"),
            NonNull(python?.Entry("userManagedDependencies")),
            python?.Scalar("interpreterPath"),
            NonNull(python?.Entry("condaDependencies")),
            docker,
            NonNull(dockerMap?.Entry("baseImage")),
            NonNull(dockerMap?.Entry("baseDockerfile")),
            NonNull(dockerMap?.Entry("buildContext")));
    }

    private static DocEntry? NonNull(DocEntry? entry) => entry is { Value: DocScalar { IsNull: true } } ? null : entry;
}

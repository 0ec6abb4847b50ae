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
    /// <summary>The deprecated <c>docker</c> settings and their defaults (azureml-core <c>DockerSection</c>): set to anything else, they are reported.</summary>
    private static readonly (string Key, Func<DocNode, bool> IsDefault)[] DeprecatedSettings =
    [
        ("enabled", n => n is DocScalar { AsBoolean: false } or DocScalar { IsNull: true }),
        ("arguments", n => n is DocSequence { Items.Count: 0 } or DocScalar { IsNull: true }),
        ("sharedVolumes", n => n is DocScalar { AsBoolean: true } or DocScalar { IsNull: true }),
        ("gpuSupport", n => n is DocScalar { AsBoolean: false } or DocScalar { IsNull: true }),
        // azureml-core writes "2g" (its default shared memory) into every environment it saves.
        ("shmSize", n => n is DocScalar { IsNull: true } or DocScalar { Value: "2g" }),
    ];

    public DocMapping? DockerMap => Docker?.Value as DocMapping;

    public DocScalar? BaseCondaEnvironment => (Map.Get("python") as DocMapping)?.Scalar("baseCondaEnvironment");

    public DocEntry? BaseImageRegistry => DockerMap?.Entry("baseImageRegistry") is { Value: DocMapping } e ? e : null;

    /// <summary>The deprecated settings given a non-default value, as their key entries.</summary>
    public IEnumerable<DocEntry> DeprecatedDockerSettings =>
        DeprecatedSettings
            .Select(s => (Entry: DockerMap?.Entry(s.Key), s.IsDefault))
            .Where(x => x.Entry is not null && !x.IsDefault(x.Entry.Value))
            .Select(x => x.Entry!);

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

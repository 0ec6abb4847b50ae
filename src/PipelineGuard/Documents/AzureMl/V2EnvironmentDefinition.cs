using PipelineGuard.Documents.Tree;

namespace PipelineGuard.Documents.AzureMl;

/// <summary>
/// The keys of an Azure ML v2 environment (its own YAML, or an inline <c>environment:</c> mapping).
/// Reference: azure-ai-ml <c>_schema/assets/environment.py</c>; docs <c>reference-yaml-environment.md</c>.
/// </summary>
internal sealed record V2EnvironmentDefinition(
    DocMapping Map,
    DocScalar? Name,
    DocEntry? Image,
    DocEntry? CondaFile,
    DocEntry? Build,
    DocScalar? BuildPath,
    DocScalar? DockerfilePath)
{
    public static V2EnvironmentDefinition Read(DocMapping map)
    {
        var build = map.Entry("build");
        var buildMap = build?.Value as DocMapping;
        return new V2EnvironmentDefinition(
            map,
            map.Scalar("name"),
            map.Entry("image") is { Value: DocScalar { IsNull: false } } image ? image : null,
            map.Entry("conda_file") is { Value: not DocScalar { IsNull: true } } conda ? conda : null,
            build is { Value: not DocScalar { IsNull: true } } ? build : null,
            buildMap?.Scalar("path"),
            buildMap?.Scalar("dockerfile_path"));
    }
}

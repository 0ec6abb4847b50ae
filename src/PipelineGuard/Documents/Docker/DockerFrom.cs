using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>FROM [--platform=...] image [AS name].</summary>
/// <param name="Image">The image reference as written (variables not expanded), e.g. <c>mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230103.v1</c>.</param>
/// <param name="Platform">The <c>--platform</c> value.</param>
/// <param name="StageName">The name after AS.</param>
internal sealed record DockerFrom(Located<string> Image, Located<string>? Platform, Located<string>? StageName);

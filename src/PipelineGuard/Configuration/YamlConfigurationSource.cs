using Microsoft.Extensions.Configuration;
using PipelineGuard.Model;

namespace PipelineGuard.Configuration;

/// <summary>
/// A Microsoft.Extensions.Configuration source for <c>.pipelineguard.yml</c>, read with the project's YAML reader
/// (YamlDotNet underneath) so that every key keeps its line: errors name the file, line and key.
/// </summary>
internal sealed class YamlConfigurationSource(SourceText file) : IConfigurationSource
{
    public SourceText File { get; } = file;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new YamlConfigurationProvider(File);
}

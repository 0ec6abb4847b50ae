using System.Text.Json.Serialization;

namespace PipelineGuard.Online.Conda;

/// <summary>A channel subdir's <c>repodata.json</c>: its <c>.tar.bz2</c> and <c>.conda</c> packages by file name.</summary>
internal sealed class RepodataDocument
{
    [JsonPropertyName("packages")]
    public Dictionary<string, RepodataRecord>? Packages { get; set; }

    [JsonPropertyName("packages.conda")]
    public Dictionary<string, RepodataRecord>? CondaPackages { get; set; }
}

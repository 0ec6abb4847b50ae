using System.Text.Json.Serialization;

namespace PipelineGuard.Online.Conda;

/// <summary>One package file of a repodata document: only what PG204 reads (the rest of each record is skipped while it streams).</summary>
internal sealed class RepodataRecord
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("version")]
    public string? Version { get; set; }
}

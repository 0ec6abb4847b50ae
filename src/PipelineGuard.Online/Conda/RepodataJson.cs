using System.Text.Json.Serialization;

namespace PipelineGuard.Online.Conda;

/// <summary>Source-generated JSON for repodata (no reflection at run time).</summary>
[JsonSerializable(typeof(RepodataDocument))]
internal sealed partial class RepodataJson : JsonSerializerContext;

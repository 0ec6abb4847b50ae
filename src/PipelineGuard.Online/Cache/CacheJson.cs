using System.Text.Json.Serialization;

namespace PipelineGuard.Online.Cache;

/// <summary>Source-generated JSON for the cache entries (no reflection at run time).</summary>
[JsonSerializable(typeof(CachedAnswer))]
internal sealed partial class CacheJson : JsonSerializerContext;

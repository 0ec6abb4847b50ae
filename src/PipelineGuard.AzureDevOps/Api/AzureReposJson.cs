using System.Text.Json.Serialization;

namespace PipelineGuard.AzureDevOps.Api;

/// <summary>
/// The source-generated serialisers of every body sent or read: no reflection at run time, so the trimmed
/// ReadyToRun release binaries work. camelCase as the REST API writes it; nulls are left out of requests.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(PullRequestThread))]
[JsonSerializable(typeof(ThreadList))]
[JsonSerializable(typeof(ThreadStatusChange))]
[JsonSerializable(typeof(PullRequestStatus))]
internal sealed partial class AzureReposJson : JsonSerializerContext;

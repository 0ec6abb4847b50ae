using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PipelineGuard.Reporting;

namespace PipelineGuard.AzureDevOps.Api;

/// <summary>
/// The few Git REST calls the threads need, on one pull request
/// (<c>{collection}{project}/_apis/git/repositories/{repo}/pullRequests/{id}/…</c>, api-version 7.1), each through
/// <see cref="AzureReposRetry"/>. The token goes in the Authorization header only.
/// </summary>
internal sealed class AzureReposClient(HttpClient http, AzureReposSettings settings, AzureReposRetry retry)
{
    private const string ApiVersion = "api-version=7.1";

    /// <summary>Each request gives up after this long (then the retry may try again).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    private string PullRequest =>
        $"{Uri.EscapeDataString(settings.ProjectId)}/_apis/git/repositories/{Uri.EscapeDataString(settings.RepositoryId)}/pullRequests/{settings.PullRequestId}";

    /// <summary>An HttpClient aimed at the collection, with the token as a bearer credential (how System.AccessToken is used).</summary>
    public static HttpClient CreateHttpClient(AzureReposSettings settings)
    {
        var client = new HttpClient { BaseAddress = settings.CollectionUrl, Timeout = RequestTimeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("PipelineGuard", ToolInfo.Version));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public async Task<IReadOnlyList<PullRequestThread>> ListThreads(CancellationToken cancellation)
    {
        var list = await Send(HttpMethod.Get, $"{PullRequest}/threads?{ApiVersion}", null, AzureReposJson.Default.ThreadList, "list the pull request's threads", cancellation).ConfigureAwait(false);
        return list?.Value ?? [];
    }

    public Task<PullRequestThread?> CreateThread(PullRequestThread thread, CancellationToken cancellation) =>
        Send(HttpMethod.Post, $"{PullRequest}/threads?{ApiVersion}", Json(thread, AzureReposJson.Default.PullRequestThread), AzureReposJson.Default.PullRequestThread, "create a pull-request thread", cancellation);

    public Task<PullRequestThread?> SetThreadStatus(int threadId, string status, CancellationToken cancellation) =>
        Send(HttpMethod.Patch, $"{PullRequest}/threads/{threadId}?{ApiVersion}", Json(new ThreadStatusChange(status), AzureReposJson.Default.ThreadStatusChange), AzureReposJson.Default.PullRequestThread, "update a pull-request thread", cancellation);

    public Task<PullRequestStatus?> CreateStatus(PullRequestStatus status, CancellationToken cancellation) =>
        Send(HttpMethod.Post, $"{PullRequest}/statuses?{ApiVersion}", Json(status, AzureReposJson.Default.PullRequestStatus), AzureReposJson.Default.PullRequestStatus, "set the pull request's status", cancellation);

    private static string Json<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    private Task<T?> Send<T>(HttpMethod method, string relative, string? body, JsonTypeInfo<T> answer, string action, CancellationToken cancellation) =>
        retry.Run(action, async () =>
        {
            using var request = new HttpRequestMessage(method, new Uri(relative, UriKind.Relative));
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
            // 203: Azure DevOps answers a token it does not accept with its HTML sign-in page.
            if (!response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NonAuthoritativeInformation)
            {
                throw new AzureReposHttpError((int)response.StatusCode, RetryAfter(response), ServerMessage(text));
            }

            try
            {
                return text.Length == 0 ? default : JsonSerializer.Deserialize(text, answer);
            }
            catch (JsonException)
            {
                return default; // an answer we cannot read is not a failure of the write itself
            }
        }, cancellation);

    /// <summary>Retry-After as seconds or as an HTTP date.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>The "message" of Azure DevOps' error body (<c>{"message": "TF401027: …", "typeName": …}</c>), if any.</summary>
    private static string? ServerMessage(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Net;
using Octokit;

namespace PipelineGuard.GitHub.Api;

/// <summary>
/// Bounded retries for GitHub API calls. Retried: 5xx, 429, secondary rate limits (403 with <c>Retry-After</c> or
/// "secondary rate limit"), timeouts and connection failures, waiting <c>Retry-After</c> when GitHub gives it
/// (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately)
/// else an exponential backoff. Not retried: 401, 403 (a read-only token stays read-only), 404, 422.
/// The delay function is injected so tests never sleep.
/// </summary>
internal sealed class ApiRetry(Func<TimeSpan, CancellationToken, Task> delay, SecretRedactor redactor)
{
    // Three attempts, 2 s doubling, at most a minute's wait: the loop's defaults.
    private readonly Model.BoundedRetry _loop = new(delay);

    public Task<T> Run<T>(string action, Func<Task<T>> call, CancellationToken cancellation = default) =>
        _loop.Run(
            call,
            e => e is ApiException or HttpRequestException or TaskCanceledException or TimeoutException,
            RetryDelay,
            (error, attempts) => new GitHubApiFailure(action, (error as ApiException)?.StatusCode, Describe(error), attempts),
            cancellation);

    public Task Run(string action, Func<Task> call, CancellationToken cancellation = default) =>
        Run(action, async () => { await call().ConfigureAwait(false); return true; }, cancellation);

    /// <summary>How long to wait before trying again, or null when trying again cannot help.</summary>
    internal TimeSpan? RetryDelay(Exception error, int attempt)
    {
        var backoff = _loop.Backoff(attempt);
        if (error is not ApiException api)
        {
            return backoff; // timeout or connection failure
        }

        var status = (int)api.StatusCode;
        var retryAfter = RetryAfter(api);
        var secondaryLimit = api is SecondaryRateLimitExceededException or AbuseException
            || (api.StatusCode == HttpStatusCode.Forbidden
                && (retryAfter is not null || (api.ApiError?.Message?.Contains("rate limit", StringComparison.OrdinalIgnoreCase) ?? false)));
        if (api is RateLimitExceededException primary && !secondaryLimit)
        {
            var untilReset = primary.Reset - DateTimeOffset.UtcNow;
            return untilReset > TimeSpan.Zero ? untilReset : backoff;
        }

        if (secondaryLimit || status == 429)
        {
            // Without Retry-After GitHub asks to wait at least one minute.
            return retryAfter ?? TimeSpan.FromMinutes(1);
        }

        return status >= 500 ? retryAfter ?? backoff : null;
    }

    private static TimeSpan? RetryAfter(ApiException api)
    {
        var headers = api.HttpResponse?.Headers;
        if (headers is null)
        {
            return null;
        }

        foreach (var (name, value) in headers)
        {
            if (name.Equals("Retry-After", StringComparison.OrdinalIgnoreCase) && int.TryParse(value, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }

        return null;
    }

    private string Describe(Exception error)
    {
        var text = error switch
        {
            ApiException api => $"{(int)api.StatusCode} {api.StatusCode}" + (string.IsNullOrWhiteSpace(api.ApiError?.Message) ? string.Empty : $": {api.ApiError.Message}"),
            TaskCanceledException or TimeoutException => "the request timed out",
            _ => "the connection failed: " + error.Message,
        };
        return TextLimits.TruncateChars(redactor.Redact(text).ReplaceLineEndings(" "), 300);
    }
}

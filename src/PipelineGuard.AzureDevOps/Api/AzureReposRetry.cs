using PipelineGuard.GitHub;

namespace PipelineGuard.AzureDevOps.Api;

/// <summary>
/// Bounded retries for Azure DevOps REST calls. Retried: 429 and 5xx, waiting <c>Retry-After</c> when the service
/// gives it (https://learn.microsoft.com/en-us/azure/devops/integrate/concepts/rate-limits), else an exponential
/// backoff; timeouts and connection failures. Not retried: 401, 403, 203 (a refused token stays refused), 404, 400.
/// A wait longer than a minute is not worth holding a CI job for: it gives up instead. The delay
/// function is injected so tests never sleep.
/// </summary>
internal sealed class AzureReposRetry(Func<TimeSpan, CancellationToken, Task> delay, SecretRedactor redactor)
{
    // Three attempts, 2 s doubling, at most a minute's wait: the loop's defaults.
    private readonly Model.BoundedRetry _loop = new(delay);

    public Task<T> Run<T>(string action, Func<Task<T>> call, CancellationToken cancellation = default) =>
        _loop.Run(
            call,
            e => e is AzureReposHttpError or HttpRequestException or TaskCanceledException or TimeoutException,
            RetryDelay,
            (error, attempts) => new AzureReposApiFailure(action, (error as AzureReposHttpError)?.Status, Describe(error), attempts),
            cancellation);

    /// <summary>How long to wait before trying again, or null when trying again cannot help.</summary>
    internal TimeSpan? RetryDelay(Exception error, int attempt)
    {
        var backoff = _loop.Backoff(attempt);
        if (error is not AzureReposHttpError http)
        {
            return backoff; // timeout or connection failure
        }

        return http.Status == 429 || http.Status >= 500 ? http.RetryAfter ?? backoff : null;
    }

    private string Describe(Exception error)
    {
        var text = error switch
        {
            AzureReposHttpError { Status: 203 } => "203: the token was not accepted (Azure DevOps answered with its sign-in page)",
            AzureReposHttpError http => $"{http.Status}" + (string.IsNullOrWhiteSpace(http.ServerMessage) ? string.Empty : $": {http.ServerMessage}"),
            TaskCanceledException or TimeoutException => "the request timed out",
            _ => "the connection failed: " + error.Message,
        };
        return TextLimits.TruncateChars(redactor.Redact(text).ReplaceLineEndings(" "), 300);
    }
}

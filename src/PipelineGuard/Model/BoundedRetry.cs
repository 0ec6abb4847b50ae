namespace PipelineGuard.Model;

/// <summary>
/// The retry loop of the pull-request publishers (GitHub, Azure Repos): a bounded number of attempts, a wait before
/// each retry that the caller's policy chooses (its service's <c>Retry-After</c>, else <see cref="Backoff"/>), and giving
/// up when the wait would hold a CI job longer than <see cref="MaxWait"/>. What counts as a failure, how long to wait
/// and what to throw at the end belong to the caller. The delay is injected, so tests never sleep.
/// </summary>
internal sealed class BoundedRetry(Func<TimeSpan, CancellationToken, Task> delay)
{
    public int MaxAttempts { get; init; } = 3;

    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A longer wait than this is not worth holding a CI job for: give up instead.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The exponential back-off before attempt <paramref name="attempt"/> + 1: 2 s, 4 s, 8 s, …</summary>
    public TimeSpan Backoff(int attempt) => FirstBackoff * Math.Pow(2, attempt - 1);

    /// <summary>
    /// Calls <paramref name="call"/> until it succeeds. A failure <paramref name="isFailure"/> accepts is retried after
    /// <paramref name="retryDelay"/>(failure, attempt); null from it, the last attempt, or too long a wait end the
    /// loop with <paramref name="giveUp"/>(failure, attempts). Anything else, and cancellation, passes through.
    /// </summary>
    public async Task<T> Run<T>(
        Func<Task<T>> call,
        Func<Exception, bool> isFailure,
        Func<Exception, int, TimeSpan?> retryDelay,
        Func<Exception, int, Exception> giveUp,
        CancellationToken cancellation = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            Exception error;
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception e) when (isFailure(e))
            {
                if (cancellation.IsCancellationRequested)
                {
                    throw;
                }

                error = e;
            }

            var wait = retryDelay(error, attempt);
            if (wait is null || attempt >= MaxAttempts || wait > MaxWait)
            {
                throw giveUp(error, attempt);
            }

            await delay(wait.Value, cancellation).ConfigureAwait(false);
        }
    }
}

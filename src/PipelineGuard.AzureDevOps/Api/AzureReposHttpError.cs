namespace PipelineGuard.AzureDevOps.Api;

/// <summary>One unsuccessful answer, as <see cref="AzureReposRetry"/> needs it: the status, the server's wait, its message.</summary>
internal sealed class AzureReposHttpError(int status, TimeSpan? retryAfter, string? serverMessage)
    : Exception($"HTTP {status}")
{
    public int Status { get; } = status;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public string? ServerMessage { get; } = serverMessage;
}

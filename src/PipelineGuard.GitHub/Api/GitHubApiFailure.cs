using System.Net;

namespace PipelineGuard.GitHub.Api;

/// <summary>An API call that failed for good (after the retries that could help). Its message never holds the token.</summary>
internal sealed class GitHubApiFailure(string action, HttpStatusCode? status, string reason, int attempts)
    : Exception($"{action}: {reason}")
{
    /// <summary>What was attempted, e.g. "create the check run".</summary>
    public string Action { get; } = action;

    public HttpStatusCode? Status { get; } = status;

    /// <summary>GitHub's own message or the transport problem, redacted and shortened.</summary>
    public string Reason { get; } = reason;

    public int Attempts { get; } = attempts;
}

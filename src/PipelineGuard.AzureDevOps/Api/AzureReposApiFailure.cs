namespace PipelineGuard.AzureDevOps.Api;

/// <summary>An API call that failed for good (after the retries that could help). Its message never holds the token.</summary>
internal sealed class AzureReposApiFailure(string action, int? status, string reason, int attempts)
    : Exception($"{action}: {reason}")
{
    /// <summary>What was attempted, e.g. "create a thread".</summary>
    public string Action { get; } = action;

    /// <summary>The HTTP status, or null for a transport failure.</summary>
    public int? Status { get; } = status;

    /// <summary>The server's own message or the transport problem, redacted and shortened.</summary>
    public string Reason { get; } = reason;

    public int Attempts { get; } = attempts;

    /// <summary>401, 403, or 203 (the sign-in page Azure DevOps serves for a token it does not accept).</summary>
    public bool Refused => Status is 401 or 403 or 203;
}

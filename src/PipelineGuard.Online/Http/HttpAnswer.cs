namespace PipelineGuard.Online.Http;

/// <summary>
/// What a server answered (a status and a body), or why there is no answer (<see cref="Failure"/>: unreachable, a
/// timeout, offline without a cached copy). A failure is never read as "not found".
/// </summary>
internal sealed record HttpAnswer(int Status, string Body, string? ContentType)
{
    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>The <c>WWW-Authenticate</c> challenge of a 401 (registries name their token endpoint there).</summary>
    public string? Challenge { get; init; }

    /// <summary>Why nothing was answered; null when the server answered.</summary>
    public string? Failure { get; init; }

    public bool Answered => Failure is null;

    public bool IsOk => Answered && Status is >= 200 and < 300;

    public bool IsNotFound => Answered && Status is 404 or 410;

    public static HttpAnswer Failed(string reason) => new(0, string.Empty, null) { Failure = reason };
}

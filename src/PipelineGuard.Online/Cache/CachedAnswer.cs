namespace PipelineGuard.Online.Cache;

/// <summary>One cached answer: the URL it answers (without credentials), its validators and when it was last confirmed.</summary>
internal sealed record CachedAnswer(string Url, int Status, string Body, string? ContentType, string? ETag, string? LastModified, DateTimeOffset Confirmed);

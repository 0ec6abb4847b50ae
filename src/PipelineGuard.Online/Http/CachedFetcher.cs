using System.Collections.Concurrent;
using System.Net.Http.Headers;
using PipelineGuard.Online.Cache;

namespace PipelineGuard.Online.Http;

/// <summary>
/// GETs through the cache: a fresh entry (younger than the TTL) is used as it is; an older one is revalidated with
/// <c>If-None-Match</c>/<c>If-Modified-Since</c> (a 304 renews it); offline, any entry is used and a miss is a failure.
/// When the server cannot be reached, a stale entry is still better than no answer. 200 and 404 answers are cached:
/// "not found" is an answer too.
/// </summary>
internal sealed class CachedFetcher(IndexTransport transport, ResponseCache? cache, OnlineOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string, string, string, string?), Lazy<Task<HttpAnswer>>> _inRun = new();

    /// <summary>One GET per URL and Accept header per run, however many environments ask.</summary>
    public Task<HttpAnswer> GetAsync(string url, string accept, AuthenticationHeaderValue? authorization = null) =>
        SendAsync(url, accept, HttpMethod.Get, authorization);

    /// <summary>
    /// A GET or HEAD through the cache (HEAD: a registry's manifest check, whose answer is its status). One request per
    /// URL, Accept, method and authorization per run. The cache is keyed without the authorization: it holds answers, never credentials.
    /// </summary>
    public Task<HttpAnswer> SendAsync(string url, string accept, HttpMethod method, AuthenticationHeaderValue? authorization = null) =>
        _inRun.GetOrAdd((url, accept, method.Method, authorization?.ToString()), key => new Lazy<Task<HttpAnswer>>(() => Fetch(key.Item1, key.Item2, method, authorization, null, null))).Value;

    /// <summary>
    /// A GET whose successful body is reduced while it streams (<paramref name="readBody"/>); the reduced text is what is
    /// cached, under <paramref name="variant"/> (the name of the reduction), so it never mixes with the raw answer.
    /// </summary>
    public Task<HttpAnswer> GetReducedAsync(string url, string accept, string variant, Func<Stream, CancellationToken, Task<string>> readBody) =>
        _inRun.GetOrAdd((url, accept, variant, null), key => new Lazy<Task<HttpAnswer>>(() => Fetch(key.Item1, key.Item2, HttpMethod.Get, null, variant, readBody))).Value;

    private async Task<HttpAnswer> Fetch(
        string url, string accept, HttpMethod method, AuthenticationHeaderValue? authorization, string? variant, Func<Stream, CancellationToken, Task<string>>? readBody)
    {
        var header = accept;
        accept = (method == HttpMethod.Get ? string.Empty : method.Method + " ") + accept + (variant is null ? string.Empty : " " + variant);
        var cached = cache?.Read(url, accept);
        if (options.Offline)
        {
            return cached is null ? HttpAnswer.Failed("offline, and not in the cache") : FromCache(cached);
        }

        var now = clock.GetUtcNow();
        if (cached is not null && now - cached.Confirmed < options.CacheTtl)
        {
            return FromCache(cached);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Accept"] = header };
        if (cached?.ETag is { } etag)
        {
            headers["If-None-Match"] = etag;
        }

        if (cached?.LastModified is { } modified)
        {
            headers["If-Modified-Since"] = modified;
        }

        var answer = await transport.SendAsync(new Uri(url), method, headers, authorization, readBody).ConfigureAwait(false);
        if (cached is not null && (!answer.Answered || answer.Status == 304))
        {
            if (answer.Status == 304)
            {
                cache!.Write(url, accept, cached with { Confirmed = now });
            }

            return FromCache(cached);
        }

        if (answer.Answered && answer.Status is 200 or 404 or 410)
        {
            cache?.Write(url, accept, new CachedAnswer(url, answer.Status, answer.Body, answer.ContentType, answer.ETag, answer.LastModified, now));
        }

        return answer;
    }

    private static HttpAnswer FromCache(CachedAnswer cached) =>
        new(cached.Status, cached.Body, cached.ContentType) { ETag = cached.ETag, LastModified = cached.LastModified };
}

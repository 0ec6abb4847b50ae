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
        _inRun.GetOrAdd((url, accept, method.Method, authorization?.ToString()), key => new Lazy<Task<HttpAnswer>>(() => Fetch(key.Item1, key.Item2, method, authorization))).Value;

    private async Task<HttpAnswer> Fetch(string url, string accept, HttpMethod method, AuthenticationHeaderValue? authorization)
    {
        accept = method == HttpMethod.Get ? accept : method.Method + " " + accept;
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

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Accept"] = method == HttpMethod.Get ? accept : accept[(method.Method.Length + 1)..] };
        if (cached?.ETag is { } etag)
        {
            headers["If-None-Match"] = etag;
        }

        if (cached?.LastModified is { } modified)
        {
            headers["If-Modified-Since"] = modified;
        }

        var answer = await transport.SendAsync(new Uri(url), method, headers, authorization).ConfigureAwait(false);
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

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace PipelineGuard.Online.Http;

/// <summary>
/// The one <see cref="HttpClient"/> of a run (HTTP/2 where the server offers it, the proxy of <c>HTTPS_PROXY</c> /
/// <c>HTTP_PROXY</c> / <c>NO_PROXY</c> as .NET reads them by default), with at most <see cref="OnlineOptions.Concurrency"/>
/// requests at once, a timeout per request, retries with back-off that respect <c>Retry-After</c>, and redirects
/// followed here rather than by the handler, so that credentials never follow a redirect to another host.
/// </summary>
internal sealed class IndexTransport : IDisposable
{
    private const int MaxRedirects = 5;
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private readonly HttpClient _client;
    private readonly SemaphoreSlim _slots;
    private readonly OnlineOptions _options;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private int _requests;

    /// <param name="handler">The handler (tests give their own); null: a <see cref="SocketsHttpHandler"/>.</param>
    /// <param name="delay">How to wait before a retry; tests pass one that does not sleep.</param>
    public IndexTransport(OnlineOptions options, HttpMessageHandler? handler = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _options = options;
        _delay = delay ?? Task.Delay;
        _slots = new SemaphoreSlim(options.Concurrency);
        _client = new HttpClient(handler ?? new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            // Each request has its own timeout (a CancellationTokenSource): the client's would cover the retries too.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("pipelineguard", typeof(IndexTransport).Assembly.GetName().Version?.ToString(3) ?? "0"));
    }

    /// <summary>Requests sent over the network, retries and redirects included (tests count them).</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>
    /// One GET (or HEAD) with the given headers. Never throws for network trouble: that is a failed answer naming
    /// what went wrong. <paramref name="url"/> may carry credentials; they are sent as a header to its host only.
    /// <paramref name="readBody"/> reads a successful answer's body from its stream into the text kept (a conda index
    /// of hundreds of megabytes is reduced while it streams, never held whole); null: the body as it is.
    /// </summary>
    public async Task<HttpAnswer> SendAsync(
        Uri url, HttpMethod method, IReadOnlyDictionary<string, string> headers, AuthenticationHeaderValue? authorization = null,
        Func<Stream, CancellationToken, Task<string>>? readBody = null)
    {
        var (current, credentials) = RequestCredentials.Split(url);
        for (var redirect = 0; redirect <= MaxRedirects; redirect++)
        {
            var auth = authorization ?? (credentials is not null && credentials.AppliesTo(current) ? credentials.Header : null);
            if (authorization is not null && redirect > 0 && !SameHost(url, current))
            {
                auth = null;
            }

            var (answer, location) = await SendWithRetries(current, method, headers, auth, readBody).ConfigureAwait(false);
            if (location is null)
            {
                return answer;
            }

            current = location;
        }

        return HttpAnswer.Failed($"more than {MaxRedirects} redirects");
    }

    private static bool SameHost(Uri a, Uri b) => string.Equals(a.Authority, b.Authority, StringComparison.OrdinalIgnoreCase);

    private async Task<(HttpAnswer Answer, Uri? Location)> SendWithRetries(
        Uri url, HttpMethod method, IReadOnlyDictionary<string, string> headers, AuthenticationHeaderValue? auth, Func<Stream, CancellationToken, Task<string>>? readBody)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (answer, location, retryAfter) = await SendOnce(url, method, headers, auth, readBody).ConfigureAwait(false);
            if (location is not null)
            {
                return (answer, location);
            }

            var retryable = answer.Failure is { } failure ? !IsFinal(failure) : answer.Status is 429 or 502 or 503 or 504;
            if (!retryable || attempt >= _options.Retries)
            {
                return (answer, location);
            }

            var wait = retryAfter ?? TimeSpan.FromMilliseconds(500 * (1 << attempt));
            await _delay(wait < LongestWait ? wait : LongestWait, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<(HttpAnswer Answer, Uri? Location, TimeSpan? RetryAfter)> SendOnce(
        Uri url, HttpMethod method, IReadOnlyDictionary<string, string> headers, AuthenticationHeaderValue? auth, Func<Stream, CancellationToken, Task<string>>? readBody)
    {
        await _slots.WaitAsync().ConfigureAwait(false);
        try
        {
            Interlocked.Increment(ref _requests);
            using var timeout = new CancellationTokenSource(_options.Timeout);
            using var request = new HttpRequestMessage(method, url);
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            request.Headers.Authorization = auth;
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
            {
                return (HttpAnswer.Failed("redirect"), location.IsAbsoluteUri ? location : new Uri(url, location), null);
            }

            var body = method == HttpMethod.Head ? string.Empty
                : readBody is not null && status is >= 200 and < 300 ? await readBody(await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false), timeout.Token).ConfigureAwait(false)
                : await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            var answer = new HttpAnswer(status, body, response.Content.Headers.ContentType?.MediaType)
            {
                ETag = response.Headers.ETag?.ToString(),
                LastModified = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture),
                Challenge = response.Headers.WwwAuthenticate.FirstOrDefault()?.ToString(),
            };
            return (answer, null, RetryAfter(response));
        }
        catch (OperationCanceledException)
        {
            return (HttpAnswer.Failed($"timed out after {_options.Timeout.TotalSeconds:0} s"), null, null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // The message of a socket error names the host, never the credentials (they are in a header, not the URL).
            return (HttpAnswer.Failed(Reason(e)), null, null);
        }
        finally
        {
            _slots.Release();
        }
    }

    private const string NameDoesNotResolve = "the name does not resolve";

    private const string TlsFailed = "the TLS handshake failed";

    /// <summary>
    /// A failure that asking again will not mend within one run: a timeout (the next would wait as long), a host name
    /// that does not resolve, a TLS handshake refused. Without a network, each host then costs one attempt, not four.
    /// </summary>
    private static bool IsFinal(string failure) =>
        failure.StartsWith("timed out", StringComparison.Ordinal) || failure is NameDoesNotResolve or TlsFailed;

    private static string Reason(Exception e) => e is HttpRequestException { HttpRequestError: var kind } && kind != HttpRequestError.Unknown
        ? kind switch
        {
            HttpRequestError.NameResolutionError => NameDoesNotResolve,
            HttpRequestError.ConnectionError => "cannot connect",
            HttpRequestError.ResponseEnded => "the connection was dropped",
            HttpRequestError.SecureConnectionError => TlsFailed,
            HttpRequestError.ProxyTunnelError => "the proxy refused the tunnel",
            _ => kind.ToString(),
        }
        : "the connection was dropped";

    /// <summary><c>Retry-After</c> as seconds or as a date.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    public void Dispose()
    {
        _client.Dispose();
        _slots.Dispose();
    }
}

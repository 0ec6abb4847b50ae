using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PipelineGuard.Tests.Online;

/// <summary>One request as the fake index saw it.</summary>
internal sealed record IndexRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A canned answer. <see cref="Delay"/> holds it back (a slow server); <see cref="Drop"/> closes the connection
/// without an answer.
/// </summary>
internal sealed record IndexAnswer(int Status, string Body = "", string ContentType = "text/plain")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public TimeSpan Delay { get; init; }

    public bool Drop { get; init; }

    public static IndexAnswer NotFound { get; } = new(404, "Not Found");
}

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 and a free port (a package index, a conda channel or a registry, as the handler
/// says), started and stopped by the test. It is written on a bare socket so that it can do what real servers do
/// wrong: answer late, or close the connection without an answer. It records every request and answers each
/// connection on its own task (one request per connection), so a slow answer does not hold the others back.
/// </summary>
internal sealed class FakeIndexServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<IndexRequest> _requests = new();
    private readonly Func<IndexRequest, IndexAnswer> _handler;

    public FakeIndexServer(Func<IndexRequest, IndexAnswer> handler)
    {
        _handler = handler;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _loop = Task.Run(Serve);
    }

    public string BaseUrl { get; }

    /// <summary>The authority (<c>127.0.0.1:port</c>), as notices name it.</summary>
    public string Host => new Uri(BaseUrl).Authority;

    public IReadOnlyList<IndexRequest> Requests => [.. _requests];

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _loop.Wait(TimeSpan.FromSeconds(2));
        _stop.Dispose();
    }

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => Handle(client));
        }
    }

    private async Task Handle(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHead(stream).ConfigureAwait(false);
                if (head is null)
                {
                    return;
                }

                var lines = head.Split("\r\n");
                var start = lines[0].Split(' ');
                var headers = lines.Skip(1).Where(l => l.Contains(':', StringComparison.Ordinal))
                    .GroupBy(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.First()[(g.First().IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), StringComparer.OrdinalIgnoreCase);
                var path = start.Length > 1 ? start[1].Split('?')[0] : "/";
                var request = new IndexRequest(start[0], path, headers);
                _requests.Enqueue(request);
                var answer = _handler(request);
                if (answer.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(answer.Delay, _stop.Token).ConfigureAwait(false);
                }

                if (answer.Drop)
                {
                    // Close without a byte of answer: the client sees the connection end.
                    client.Client.LingerState = new LingerOption(true, 0);
                    return;
                }

                var body = Encoding.UTF8.GetBytes(answer.Body);
                var text = new StringBuilder($"HTTP/1.1 {answer.Status} {Reason(answer.Status)}\r\n");
                text.Append($"Content-Type: {answer.ContentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n");
                foreach (var (name, value) in answer.Headers)
                {
                    text.Append($"{name}: {value}\r\n");
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes(text.Append("\r\n").ToString())).ConfigureAwait(false);
                if (request.Method != "HEAD")
                {
                    await stream.WriteAsync(body).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client went away (a timeout test), or the test ended.
            }
        }
    }

    /// <summary>The request line and headers (requests here have no body).</summary>
    private static async Task<string?> ReadHead(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 65536)
        {
            if (await stream.ReadAsync(one).ConfigureAwait(false) == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
            if (buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n')
            {
                return Encoding.ASCII.GetString([.. buffer]).TrimEnd();
            }
        }

        return null;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        304 => "Not Modified",
        302 => "Found",
        401 => "Unauthorized",
        404 => "Not Found",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Status",
    };
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using PipelineGuard.Tests.GitHub;

namespace PipelineGuard.Tests.AzureDevOps;

/// <summary>
/// The Git REST API of one Azure Repos pull request on 127.0.0.1, backed by <see cref="HttpListener"/> on a free port:
/// list, create and update threads, create statuses. It records every request and keeps the threads it receives,
/// so a second run sees what the first one left. Requests and canned answers reuse the GitHub fake's records.
/// </summary>
internal sealed class FakeAzureDevOpsServer : IDisposable
{
    public const string Project = "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c";
    public const string Repository = "3411ebc1-d5aa-464f-9615-0b527bc66719";
    public const int PullRequest = 7;
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<JsonObject> _threads = [];
    private readonly object _gate = new();

    public FakeAzureDevOpsServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            _listener = new HttpListener();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                CollectionUrl = $"http://127.0.0.1:{port}/fabrikam/";
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                _listener.Close();
            }
        }

        _loop = Task.Run(Serve);
    }

    /// <summary>What to give as SYSTEM_COLLECTIONURI.</summary>
    public string CollectionUrl { get; }

    /// <summary>The path every pull-request call starts with.</summary>
    public static string PullRequestPath => $"/fabrikam/{Project}/_apis/git/repositories/{Repository}/pullRequests/{PullRequest}";

    /// <summary>Consulted first for every request; return null to fall through to the default routes.</summary>
    public Func<RecordedRequest, FakeResponse?> Override { get; set; } = _ => null;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>The threads as they stand now, the server's copy.</summary>
    public IReadOnlyList<JsonObject> Threads
    {
        get
        {
            lock (_gate)
            {
                return [.. _threads.Select(t => t.DeepClone().AsObject())];
            }
        }
    }

    public IReadOnlyList<RecordedRequest> To(string method, string pathEnd) =>
        Requests.Where(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal)).ToList();

    /// <summary>A thread that someone else (a person, another tool) wrote.</summary>
    public void AddThread(JsonObject thread)
    {
        lock (_gate)
        {
            thread["id"] = _threads.Count + 1;
            _threads.Add(thread);
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(2));
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Handle(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away; keep serving.
            }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = reader.ReadToEnd();
        }

        var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Url.Query, headers, body);
        _requests.Enqueue(request);
        var response = Override(request) ?? Route(request);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        var bytes = Encoding.UTF8.GetBytes(response.Body);
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    private FakeResponse Route(RecordedRequest request)
    {
        if (!request.Path.StartsWith(PullRequestPath + "/", StringComparison.Ordinal) || request.Query != "?api-version=7.1")
        {
            return new FakeResponse(404, """{"message":"TF400898: not found","typeName":"Microsoft.TeamFoundation.Git.Server.GitPullRequestNotFoundException"}""");
        }

        var path = request.Path[(PullRequestPath.Length + 1)..];
        lock (_gate)
        {
            switch (request.Method, path)
            {
                case ("GET", "threads"):
                    return new FakeResponse(200, new JsonObject { ["value"] = new JsonArray([.. _threads.Select(t => t.DeepClone())]), ["count"] = _threads.Count }.ToJsonString());
                case ("POST", "threads"):
                    var thread = JsonNode.Parse(request.Body)!.AsObject();
                    thread["id"] = _threads.Count + 1;
                    var commentId = 1;
                    foreach (var comment in thread["comments"]?.AsArray() ?? [])
                    {
                        comment!["id"] = commentId++;
                    }

                    _threads.Add(thread);
                    return new FakeResponse(200, thread.ToJsonString());
                case ("PATCH", var update) when update.StartsWith("threads/", StringComparison.Ordinal) && int.TryParse(update["threads/".Length..], out var id):
                    var existing = _threads.FirstOrDefault(t => (int?)t["id"] == id);
                    if (existing is null)
                    {
                        return new FakeResponse(404, """{"message":"thread not found"}""");
                    }

                    existing["status"] = JsonNode.Parse(request.Body)!["status"]!.GetValue<string>();
                    return new FakeResponse(200, existing.ToJsonString());
                case ("POST", "statuses"):
                    var status = JsonNode.Parse(request.Body)!.AsObject();
                    status["id"] = 1;
                    return new FakeResponse(200, status.ToJsonString());
                default:
                    return new FakeResponse(404, """{"message":"Not Found"}""");
            }
        }
    }
}

using System.Text.Json.Nodes;
using PipelineGuard.Tests.GitHub;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.AzureDevOps;

/// <summary>
/// The Git REST API of one Azure Repos pull request on 127.0.0.1, served by <see cref="RecordingHttpServer"/>:
/// list, create and update threads, create statuses. It records every request and keeps the threads it receives,
/// so a second run sees what the first one left. Requests and canned answers reuse the GitHub fake's records.
/// </summary>
internal sealed class FakeAzureDevOpsServer : IDisposable
{
    public const string Project = "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c";
    public const string Repository = "3411ebc1-d5aa-464f-9615-0b527bc66719";
    public const int PullRequest = 7;
    private readonly RecordingHttpServer _server;
    private readonly List<JsonObject> _threads = [];
    private readonly object _gate = new();

    public FakeAzureDevOpsServer()
    {
        _server = new RecordingHttpServer(r => Override(r) ?? Route(r));
        CollectionUrl = _server.BaseUrl + "/fabrikam/";
    }

    /// <summary>What to give as SYSTEM_COLLECTIONURI.</summary>
    public string CollectionUrl { get; }

    /// <summary>The path every pull-request call starts with.</summary>
    public static string PullRequestPath => $"/fabrikam/{Project}/_apis/git/repositories/{Repository}/pullRequests/{PullRequest}";

    /// <summary>Consulted first for every request; return null to fall through to the default routes.</summary>
    public Func<RecordedRequest, FakeResponse?> Override { get; set; } = _ => null;

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

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

    public void Dispose() => _server.Dispose();

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

using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.GitHub;

/// <summary>One request as the fake server saw it.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}

/// <summary>A canned answer; null from a handler means "use the default route".</summary>
internal sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// A small GitHub REST API on 127.0.0.1 with the <c>/api/v3/</c> prefix (what Octokit requests from any host other
/// than github.com), served by <see cref="RecordingHttpServer"/>. It records every request and keeps the
/// reviews and review comments it receives, so a second run sees what the first one left.
/// </summary>
internal sealed class FakeGitHubServer : IDisposable
{
    private const string Prefix = "/api/v3/repos/octo/ml/";
    private readonly RecordingHttpServer _server;
    private readonly List<JsonObject> _reviews = [];
    private readonly List<JsonObject> _comments = [];
    private readonly object _gate = new();

    public FakeGitHubServer()
    {
        _server = new RecordingHttpServer(r => Override(r) ?? Route(r));
        BaseUrl = _server.BaseUrl;
    }

    /// <summary>What to give as GITHUB_API_URL.</summary>
    public string BaseUrl { get; }

    /// <summary>Consulted first for every request; return null to fall through to the default routes.</summary>
    public Func<RecordedRequest, FakeResponse?> Override { get; set; } = _ => null;

    /// <summary>The PR's files as GET pulls/{n}/files returns them.</summary>
    public JsonArray Files { get; set; } = [];

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public IReadOnlyList<RecordedRequest> To(string method, string pathEnd) =>
        Requests.Where(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal)).ToList();

    public void Dispose() => _server.Dispose();

    private FakeResponse Route(RecordedRequest request)
    {
        var path = request.Path.StartsWith(Prefix, StringComparison.Ordinal) ? request.Path[Prefix.Length..] : request.Path;
        lock (_gate)
        {
            switch (request.Method, path)
            {
                case ("POST", "check-runs"):
                    return new FakeResponse(201, """{"id":7,"head_sha":"abc","status":"in_progress","name":"PipelineGuard","html_url":"https://github.example/runs/7"}""");
                case ("PATCH", "check-runs/7"):
                    return new FakeResponse(200, """{"id":7,"status":"completed"}""");
                case ("GET", "pulls/5/files"):
                    return new FakeResponse(200, Files.ToJsonString());
                case ("GET", "pulls/5/comments"):
                    return new FakeResponse(200, new JsonArray([.. _comments.Select(c => c.DeepClone())]).ToJsonString());
                case ("GET", "pulls/5/reviews"):
                    return new FakeResponse(200, new JsonArray([.. _reviews.Select(c => c.DeepClone())]).ToJsonString());
                case ("POST", "pulls/5/reviews"):
                    var posted = JsonNode.Parse(request.Body)!.AsObject();
                    var id = _reviews.Count + 1;
                    _reviews.Add(new JsonObject { ["id"] = id, ["body"] = posted["body"]?.GetValue<string>(), ["state"] = "COMMENTED" });
                    foreach (var comment in posted["comments"]?.AsArray() ?? [])
                    {
                        _comments.Add(new JsonObject
                        {
                            ["id"] = (id * 1000) + _comments.Count,
                            ["path"] = comment!["path"]?.GetValue<string>(),
                            ["line"] = comment["line"]?.GetValue<int>(),
                            ["body"] = comment["body"]?.GetValue<string>(),
                        });
                    }

                    return new FakeResponse(200, JsonSerializer.Serialize(new { id, state = "COMMENTED" }));
                default:
                    return new FakeResponse(404, """{"message":"Not Found"}""");
            }
        }
    }
}

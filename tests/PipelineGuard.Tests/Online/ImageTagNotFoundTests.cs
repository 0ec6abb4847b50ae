using PipelineGuard.Model;

namespace PipelineGuard.Tests.Online;

/// <summary>PG205 against a fake registry: manifests that exist, a 404, and a 401 with a Bearer token challenge.</summary>
[CancelAfter(30_000)]
public sealed class ImageTagNotFoundTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>A registry with azureml/base:1.0 and the digest; with <paramref name="token"/>, manifests need that bearer token from /token.</summary>
    private static FakeIndexServer Registry(string? token = null, List<string>? tokenRequests = null)
    {
        FakeIndexServer? self = null;
        var server = new FakeIndexServer(r =>
        {
            if (r.Path == "/token")
            {
                tokenRequests?.Add(r.Path);
                return new IndexAnswer(200, $$"""{"token":"{{token}}"}""", "application/json");
            }

            if (token is not null && r.Headers.GetValueOrDefault("Authorization") != "Bearer " + token)
            {
                return new IndexAnswer(401, "") { Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = $"Bearer realm=\"{self!.BaseUrl}/token\",service=\"registry.test\",scope=\"repository:azureml/base:pull\"" } };
            }

            return r.Method == "HEAD" && (r.Path == "/v2/azureml/base/manifests/1.0" || r.Path == $"/v2/azureml/base/manifests/{Digest}")
                ? new IndexAnswer(200, "", "application/vnd.oci.image.index.v1+json")
                : new IndexAnswer(404, "", "application/json");
        });
        self = server;
        return server;
    }

    private static string Environment(string image) =>
        $"$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\nname: train\nimage: {image}\n";

    private static IReadOnlyList<Finding> Findings(FakeIndexServer server, string image) =>
        OnlineRun.Findings(server, ("env.yml", Environment(image))).Where(f => f.RuleId == "PG205").ToList();

    [Test]
    public void A_tag_the_registry_lacks_is_reported_on_the_tag()
    {
        using var server = Registry();
        var image = $"{server.Host}/azureml/base:2099.1";
        var finding = Findings(server, image).Single();
        var column = 8 + image.IndexOf(":2099.1", StringComparison.Ordinal) + 1;
        Assert.Multiple(() =>
        {
            Assert.That(finding.Span.ToString(), Is.EqualTo($"env.yml:3:{column}-3:{column + 6}"));
            Assert.That(finding.Message, Does.Contain("has no tag '2099.1' of azureml/base (manifest unknown)"));
            Assert.That(server.Requests.Single().Method, Is.EqualTo("HEAD"));
        });
    }

    [Test]
    public void A_tag_or_digest_the_registry_has_gives_nothing()
    {
        using var server = Registry();
        Assert.Multiple(() =>
        {
            Assert.That(Findings(server, $"{server.Host}/azureml/base:1.0"), Is.Empty);
            Assert.That(Findings(server, $"{server.Host}/azureml/base@{Digest}"), Is.Empty);
        });
    }

    [Test]
    public void A_missing_digest_is_reported()
    {
        using var server = Registry();
        Assert.That(Findings(server, $"{server.Host}/azureml/base@sha256:{new string('f', 64)}").Single().Message, Does.Contain("has no digest sha256:ffff"));
    }

    [Test]
    public void An_image_without_a_tag_is_not_looked_up()
    {
        using var server = Registry();
        Findings(server, $"{server.Host}/azureml/base");
        Assert.That(server.Requests, Is.Empty);
    }

    [Test]
    public void A_401_token_challenge_is_answered_with_an_anonymous_token()
    {
        var tokens = new List<string>();
        using var server = Registry(token: "anon-pull-token", tokenRequests: tokens);
        Assert.Multiple(() =>
        {
            Assert.That(Findings(server, $"{server.Host}/azureml/base:2099.1"), Has.Count.EqualTo(1));
            Assert.That(Findings(server, $"{server.Host}/azureml/base:1.0"), Is.Empty);
            Assert.That(tokens, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void A_registry_that_wants_credentials_gives_the_notice_and_no_finding()
    {
        using var server = new FakeIndexServer(_ => new IndexAnswer(401, "") { Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = "Basic realm=\"acr\"" } });
        var (outcome, _) = OnlineRun.Verify(OnlineRun.Workspace(("env.yml", Environment($"{server.Host}/team/private:1.0"))), OnlineRun.Options(server));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Findings, Is.Empty);
            Assert.That(outcome.Notices.Single(), Does.Contain("HTTP 401 (the registry wants credentials)").And.Contain($"images {server.Host}/team/private:1.0"));
        });
    }
}

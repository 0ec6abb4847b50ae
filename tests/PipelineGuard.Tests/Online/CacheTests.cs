namespace PipelineGuard.Tests.Online;

/// <summary>The on-disk cache: a second run asks nothing, an old entry is revalidated, offline asks nothing at all.</summary>
[CancelAfter(30_000)]
public sealed class CacheTests
{
    private string _cache = null!;

    [SetUp]
    public void CreateCache() => _cache = Directory.CreateTempSubdirectory("pg-online-cache-").FullName;

    [TearDown]
    public void DeleteCache() => Directory.Delete(_cache, recursive: true);

    private static FakeIndexServer Index() => new(r =>
        r.Headers.GetValueOrDefault("If-None-Match") == "\"v1\""
            ? new IndexAnswer(304)
            : new FakePypi().With("numpy", new FakeFile("numpy-1.26.4-py3-none-any.whl")).Answer(r) with { Headers = new Dictionary<string, string> { ["ETag"] = "\"v1\"" } });

    private const string Requirements = "numpy==9.9\nnosuch==1.0\n";

    [Test]
    public void A_second_run_within_the_ttl_makes_no_request_and_finds_the_same()
    {
        using var server = Index();
        var workspace = OnlineRun.Workspace(("requirements.txt", Requirements));
        var first = OnlineRun.Verify(workspace, OnlineRun.Options(server, _cache)).Outcome;
        var requests = server.Requests.Count;
        var second = OnlineRun.Verify(workspace, OnlineRun.Options(server, _cache)).Outcome;
        Assert.Multiple(() =>
        {
            Assert.That(requests, Is.EqualTo(2));
            Assert.That(server.Requests, Has.Count.EqualTo(2), "the second run asked nothing");
            Assert.That(second.Findings.Select(f => f.RuleId), Is.EqualTo(first.Findings.Select(f => f.RuleId)).And.EquivalentTo(new[] { "PG201", "PG202" }));
        });
    }

    [Test]
    public void An_entry_older_than_the_ttl_is_revalidated_with_its_etag()
    {
        using var server = Index();
        var clock = new MovableClock(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var workspace = OnlineRun.Workspace(("requirements.txt", "numpy==9.9\n"));
        OnlineRun.Verify(workspace, OnlineRun.Options(server, _cache), clock);
        clock.Now += TimeSpan.FromHours(2);
        var second = OnlineRun.Verify(workspace, OnlineRun.Options(server, _cache), clock).Outcome;
        Assert.Multiple(() =>
        {
            Assert.That(server.Requests, Has.Count.EqualTo(2));
            Assert.That(server.Requests[1].Headers["If-None-Match"], Is.EqualTo("\"v1\""));
            Assert.That(second.Findings.Single().RuleId, Is.EqualTo("PG202"), "the 304 kept the cached page");
        });
    }

    [Test]
    public void Offline_makes_no_request_and_answers_from_the_cache()
    {
        using var server = Index();
        var workspace = OnlineRun.Workspace(("requirements.txt", Requirements));
        OnlineRun.Verify(workspace, OnlineRun.Options(server, _cache));
        var before = server.Requests.Count;
        var offline = OnlineRun.Verify(workspace, OnlineRun.Options(server, _cache) with { Offline = true }).Outcome;
        Assert.Multiple(() =>
        {
            Assert.That(server.Requests, Has.Count.EqualTo(before));
            Assert.That(offline.Findings.Select(f => f.RuleId), Is.EquivalentTo(new[] { "PG201", "PG202" }));
            Assert.That(offline.Notices, Is.Empty);
        });
    }

    [Test]
    public void Offline_with_an_empty_cache_asks_nothing_and_says_what_was_not_verified()
    {
        using var server = Index();
        var offline = OnlineRun.Verify(OnlineRun.Workspace(("requirements.txt", Requirements)), OnlineRun.Options(server, _cache) with { Offline = true }).Outcome;
        Assert.Multiple(() =>
        {
            Assert.That(server.Requests, Is.Empty);
            Assert.That(offline.Findings, Is.Empty);
            Assert.That(offline.Notices.Single(), Does.Contain("offline, and not in the cache").And.Contain("pip packages nosuch, numpy"));
        });
    }

    [Test]
    public void The_cache_holds_no_credentials()
    {
        using var server = Index();
        var index = server.BaseUrl.Replace("http://", "http://build:s3cr3t-token@", StringComparison.Ordinal) + "/simple";
        OnlineRun.Verify(OnlineRun.Workspace(("requirements.txt", Requirements)), OnlineRun.Options(server, _cache) with { IndexUrl = index });
        var stored = Directory.GetFiles(_cache, "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(stored, Has.Count.EqualTo(2));
            Assert.That(stored, Has.None.Contain("s3cr3t").And.None.Contain("build:"));
        });
    }
}

using PipelineGuard.Online;
using PipelineGuard.Online.Http;

namespace PipelineGuard.Tests.Online;

/// <summary>Retries, timeouts, dropped connections and credentials, against the fake index.</summary>
[CancelAfter(60_000)]
public sealed class TransportTests
{
    private const string Requirements = "torchvison==0.15.2\n";

    [Test]
    public void A_429_is_retried_after_the_retry_after_the_server_gave()
    {
        var calls = 0;
        using var server = new FakeIndexServer(r => Interlocked.Increment(ref calls) == 1
            ? new IndexAnswer(429, "slow down") { Headers = new Dictionary<string, string> { ["Retry-After"] = "7" } }
            : IndexAnswer.NotFound);
        var (outcome, waits) = OnlineRun.Verify(OnlineRun.Workspace(("requirements.txt", Requirements)), OnlineRun.Options(server));
        Assert.Multiple(() =>
        {
            Assert.That(waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(7) }));
            Assert.That(outcome.Findings.Select(f => f.RuleId), Is.EqualTo(new[] { "PG201" }));
            Assert.That(outcome.Notices, Is.Empty);
        });
    }

    [Test]
    public void A_dropped_connection_is_retried_with_back_off()
    {
        var calls = 0;
        using var server = new FakeIndexServer(r => Interlocked.Increment(ref calls) <= 2 ? new IndexAnswer(200) { Drop = true } : IndexAnswer.NotFound);
        var (outcome, waits) = OnlineRun.Verify(OnlineRun.Workspace(("requirements.txt", Requirements)), OnlineRun.Options(server));
        Assert.Multiple(() =>
        {
            Assert.That(calls, Is.GreaterThanOrEqualTo(3));
            Assert.That(waits, Is.SubsetOf(new[] { TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }));
            Assert.That(outcome.Findings.Select(f => f.RuleId), Is.EqualTo(new[] { "PG201" }));
        });
    }

    [Test]
    public void A_server_that_keeps_failing_gives_one_notice_per_host_and_no_finding()
    {
        using var server = new FakeIndexServer(_ => new IndexAnswer(503, "down"));
        var (outcome, _) = OnlineRun.Verify(OnlineRun.Workspace(("requirements.txt", "torchvison==0.15.2\nnumpy==1.26.4\npandas\n")), OnlineRun.Options(server));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Findings, Is.Empty);
            Assert.That(outcome.Notices, Has.Count.EqualTo(1));
            Assert.That(outcome.Notices[0], Does.Contain(server.Host).And.Contain("HTTP 503").And.Contain("pip packages numpy, pandas, torchvison"));
            Assert.That(server.Requests, Has.Count.EqualTo(3 * 4), "three packages, each tried once and retried three times");
        });
    }

    [Test]
    public void A_slow_answer_times_out_into_the_notice()
    {
        using var server = new FakeIndexServer(_ => IndexAnswer.NotFound with { Delay = TimeSpan.FromSeconds(4) });
        var options = OnlineRun.Options(server) with { Timeout = TimeSpan.FromSeconds(1) };
        var (outcome, waits) = OnlineRun.Verify(OnlineRun.Workspace(("requirements.txt", Requirements)), options);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Findings, Is.Empty);
            Assert.That(outcome.Notices.Single(), Does.Contain(server.Host).And.Contain("timed out").And.Contain("torchvison"));
            Assert.That(waits, Is.Empty, "a timeout is not retried: the next try would wait as long");
        });
    }

    [Test]
    public void An_unreachable_host_gives_the_notice()
    {
        string url;
        using (var gone = new FakeIndexServer(_ => IndexAnswer.NotFound))
        {
            url = gone.BaseUrl;
        }

        var options = new OnlineOptions { IndexUrl = url + "/simple", Retries = 0 };
        var (outcome, _) = OnlineRun.Verify(OnlineRun.Workspace(("requirements.txt", Requirements)), options);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Findings, Is.Empty);
            Assert.That(outcome.Notices.Single(), Does.StartWith("notice: " + new Uri(url).Authority + ": "));
        });
    }

    [TestCase(System.Net.Http.HttpRequestError.NameResolutionError, 1)]
    [TestCase(System.Net.Http.HttpRequestError.SecureConnectionError, 1)]
    [TestCase(System.Net.Http.HttpRequestError.ConnectionError, 4)]
    public void A_name_that_does_not_resolve_is_asked_once_and_a_refused_connection_is_retried(System.Net.Http.HttpRequestError kind, int expected)
    {
        // Without a network every host fails to resolve: asking again would only make the run wait.
        var handler = new FailingHandler(kind);
        var waits = new List<TimeSpan>();
        using var transport = new IndexTransport(new OnlineOptions(), handler, (wait, _) => { waits.Add(wait); return Task.CompletedTask; });
        var answer = transport.SendAsync(new Uri("https://pypi.example/simple/numpy/"), HttpMethod.Get, new Dictionary<string, string>()).GetAwaiter().GetResult();
        Assert.Multiple(() =>
        {
            Assert.That(answer.Failure, Is.Not.Null);
            Assert.That(handler.Calls, Is.EqualTo(expected));
            Assert.That(waits, Has.Count.EqualTo(expected - 1));
        });
    }

    private sealed class FailingHandler(System.Net.Http.HttpRequestError kind) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            throw new HttpRequestException(kind, "simulated");
        }
    }

    [Test]
    public void Credentials_of_the_index_url_go_as_a_header_to_that_host_only_and_into_no_output()
    {
        using var other = new FakeIndexServer(_ => IndexAnswer.NotFound);
        using var feed = new FakeIndexServer(r => new IndexAnswer(302) { Headers = new Dictionary<string, string> { ["Location"] = other.BaseUrl + r.Path } });
        var index = feed.BaseUrl.Replace("http://", "http://build:s3cr3t-token@", StringComparison.Ordinal) + "/simple";
        var options = OnlineRun.Options(feed) with { IndexUrl = index };
        var (outcome, _) = OnlineRun.Verify(OnlineRun.Workspace(("requirements.txt", Requirements)), options);
        var text = string.Join("\n", outcome.Findings.Select(f => f.Message).Concat(outcome.Notices));
        Assert.Multiple(() =>
        {
            Assert.That(feed.Requests.Single().Headers["Authorization"], Is.EqualTo("Basic " + Convert.ToBase64String("build:s3cr3t-token"u8.ToArray())));
            Assert.That(other.Requests.Single().Headers.ContainsKey("Authorization"), Is.False, "a redirect to another host drops the credentials");
            Assert.That(outcome.Findings.Single().RuleId, Is.EqualTo("PG201"));
            Assert.That(text, Does.Not.Contain("s3cr3t"));
        });
    }
}

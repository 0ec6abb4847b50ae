using System.Text;
using PipelineGuard.Cli;
using PipelineGuard.IO;
using PipelineGuard.Tests.GitHub;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.AzureDevOps;

/// <summary>
/// The whole CLI with <c>--azure-repos-threads</c>, against <see cref="FakeAzureDevOpsServer"/>. The CLI runs the real
/// git, which finds no repository at the in-memory /repo: every finding goes in the summary thread. Server errors
/// carry <c>Retry-After: 0</c> so the real delay never sleeps.
/// </summary>
[CancelAfter(30_000)]
public sealed class AzureReposCliTests
{
    private static readonly Dictionary<string, string> RetryNow = new() { ["Retry-After"] = "0" };

    private static (int Code, string Out, string Err) Run(InMemoryFileSystem fs, Dictionary<string, string> env, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(stdout, stderr, k => env.GetValueOrDefault(k), OutputIsTerminal: false, fs, FixedClock.SessionDay));
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The server's answer to request number <paramref name="n"/> (from 0) under the named fault; null: the normal route.</summary>
    private static FakeResponse? Fault(string fault, RecordedRequest request, int n) => fault switch
    {
        "401" => new FakeResponse(401, """{"message":"TF400813: not authorized"}"""),
        "403 on posting" => request.Method == "POST" ? new FakeResponse(403, """{"message":"TF401027: You need the Git 'PullRequestContribute' permission"}""") : null,
        "two 429s" => n < 2 ? new FakeResponse(429, "{}", RetryNow) : null,
        "lasting 500" => new FakeResponse(500, "{}", RetryNow),
        _ => null,
    };

    [TestCase("none")]
    [TestCase("401")]
    [TestCase("403 on posting")]
    [TestCase("two 429s")]
    [TestCase("lasting 500")]
    public void The_API_never_changes_the_exit_code_or_the_report(string fault)
    {
        using var server = new FakeAzureDevOpsServer();
        var calls = 0;
        server.Override = r => Fault(fault, r, calls++);
        var env = AzureReposTestData.PullRequestBuild(server.CollectionUrl);
        var plain = Run(AzureReposTestData.Repo(), env, "check", "--format", "azure", "--fail-on", "warning");
        var threads = Run(AzureReposTestData.Repo(), env, "check", "--format", "azure", "--fail-on", "warning", "--azure-repos-threads");

        var warnings = threads.Err.Split('\n').Where(l => l.StartsWith("##vso[task.logissue type=warning;]--azure-repos-threads", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(plain.Code, Is.EqualTo(1));
            Assert.That(threads.Code, Is.EqualTo(plain.Code));
            Assert.That(threads.Out, Is.EqualTo(plain.Out), "the azure report on standard output already holds every finding");
            Assert.That(plain.Err, Is.Empty);
            Assert.That(warnings, Has.Count.EqualTo(1), threads.Err);
            Assert.That(threads.Err.Split('\n').Count(l => l.Length > 0), Is.EqualTo(1), "nothing but the one warning");
            Assert.That(server.Requests, Is.Not.Empty);
        });
    }

    [Test]
    public void A_refused_API_writes_the_findings_as_logging_commands_when_standard_output_is_JSON()
    {
        using var server = new FakeAzureDevOpsServer { Override = _ => new FakeResponse(403, """{"message":"TF401027"}""") };
        var env = AzureReposTestData.PullRequestBuild(server.CollectionUrl);
        var plain = Run(AzureReposTestData.Repo(), env, "check", "--format", "json");
        var refused = Run(AzureReposTestData.Repo(), env, "check", "--format", "json", "--azure-repos-threads");

        Assert.Multiple(() =>
        {
            Assert.That(refused.Code, Is.EqualTo(plain.Code));
            Assert.That(refused.Out, Is.EqualTo(plain.Out));
            Assert.That(refused.Err, Does.Contain("\"Contribute to pull requests\""));
            Assert.That(refused.Err, Does.Contain("##vso[task.logissue type=error;sourcepath="));
            Assert.That(refused.Err, Does.Contain("##vso[task.logissue type=warning;sourcepath="));
        });
    }

    [Test]
    public void Outside_a_pull_request_build_one_warning_line_and_nothing_else_changes()
    {
        using var server = new FakeAzureDevOpsServer();
        var env = AzureReposTestData.PullRequestBuild(server.CollectionUrl);
        env.Remove("SYSTEM_PULLREQUEST_PULLREQUESTID");
        var plain = Run(AzureReposTestData.Repo(), env, "check", "--format", "azure");
        var threads = Run(AzureReposTestData.Repo(), env, "check", "--format", "azure", "--azure-repos-threads");

        Assert.Multiple(() =>
        {
            Assert.That(threads.Code, Is.EqualTo(plain.Code));
            Assert.That(threads.Out, Is.EqualTo(plain.Out));
            Assert.That(threads.Err, Is.EqualTo("##vso[task.logissue type=warning;]--azure-repos-threads: no pull-request threads: this is not a pull-request build (SYSTEM_PULLREQUEST_PULLREQUESTID is not set).\n"));
            Assert.That(server.Requests, Is.Empty);
        });
    }

    [Test]
    public void A_plain_check_talks_to_no_server()
    {
        using var server = new FakeAzureDevOpsServer();
        var (_, _, stderr) = Run(AzureReposTestData.Repo(), AzureReposTestData.PullRequestBuild(server.CollectionUrl), "check", "--format", "azure");

        Assert.That(server.Requests, Is.Empty);
        Assert.That(stderr, Is.Empty);
    }

    [Test]
    public void The_token_appears_in_no_output_file_or_body_even_when_the_server_quotes_it()
    {
        using var server = new FakeAzureDevOpsServer
        {
            Override = r => r.Method == "POST" ? new FakeResponse(401, $$"""{"message":"Access denied for {{AzureReposTestData.Token}}"}""") : null,
        };
        var fs = AzureReposTestData.Repo();
        var env = AzureReposTestData.PullRequestBuild(server.CollectionUrl);
        var (_, stdout, stderr) = Run(fs, env, "check", "--format", "azure", "--format", "sarif", "--output", "report.sarif", "--format", "json", "--output", "report.json", "--azure-repos-threads");

        var files = fs.AllFiles.Select(f => Encoding.UTF8.GetString(fs.ReadAllBytes(f)));
        Assert.Multiple(() =>
        {
            Assert.That(fs.AllFiles, Has.Some.EndsWith("report.sarif"));
            Assert.That(stdout + stderr, Does.Not.Contain(AzureReposTestData.Token));
            Assert.That(stderr, Does.Contain("Access denied for ***"));
            Assert.That(files, Has.None.Contains(AzureReposTestData.Token));
            Assert.That(server.Requests.Select(r => r.Body), Has.None.Contains(AzureReposTestData.Token));
            Assert.That(server.Requests.Select(r => r.Headers["Authorization"]), Has.All.EqualTo("Bearer " + AzureReposTestData.Token));
        });
    }

    [Test]
    public void The_help_of_check_lists_the_flag()
    {
        var (_, stdout, stderr) = Run(Lint.Repo(), [], "check", "--help");
        Assert.That(stdout + stderr, Does.Contain("--azure-repos-threads"));
    }
}

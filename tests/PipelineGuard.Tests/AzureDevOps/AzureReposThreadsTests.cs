using System.Text.Json.Nodes;
using PipelineGuard.AzureDevOps;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Reporting;
using PipelineGuard.Tests.GitHub;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.AzureDevOps;

/// <summary>The Azure Repos integration with its real HttpClient against <see cref="FakeAzureDevOpsServer"/>.</summary>
[CancelAfter(20_000)]
public sealed class AzureReposThreadsTests
{
    private sealed record Run(AzureReposOutcome Outcome, string Diagnostics, List<TimeSpan> Delays);

    private static Run Publish(FakeAzureDevOpsServer server, InMemoryFileSystem fs, FakeGit? git = null, Dictionary<string, string>? env = null)
    {
        env ??= AzureReposTestData.PullRequestBuild(server.CollectionUrl);
        git ??= new FakeGit(new() { ["HEAD^1"] = AzureReposTestData.LineFourChanged });
        var delays = new List<TimeSpan>();
        var diagnostics = new StringWriter();
        var integration = new AzureReposIntegration(
            k => env.GetValueOrDefault(k), fs, diagnostics, processRunner: git, delay: (wait, _) => { delays.Add(wait); return Task.CompletedTask; });
        var outcome = integration.Run(Check(fs));
        return new Run(outcome, diagnostics.ToString(), delays);
    }

    private static CheckResult Check(IFileSystem fs) => GitHubTestData.Check(fs, Severity.Error);

    private static List<JsonNode> Posted(FakeAzureDevOpsServer server) =>
        server.To("POST", "/threads").Select(r => r.Json!).ToList();

    [Test]
    public void A_finding_on_a_changed_line_gets_a_thread_on_its_span_and_the_others_one_summary_thread()
    {
        using var server = new FakeAzureDevOpsServer();
        var run = Publish(server, AzureReposTestData.Repo());

        var posted = Posted(server);
        Assert.That(posted, Has.Count.EqualTo(2));
        var inline = posted[0];
        var summary = posted[1];
        var comment = inline["comments"]![0]!;
        var content = (string)comment["content"]!;
        Assert.Multiple(() =>
        {
            Assert.That(run.Diagnostics, Is.Empty);
            Assert.That(run.Outcome.FallBackToLogCommands, Is.False);
            Assert.That(run.Outcome.Threads, Is.EqualTo(new PipelineGuard.AzureDevOps.Threads.ThreadOutcome(1, 1, 0, 0)));
            Assert.That(server.To("POST", "/threads")[0].Body, Does.StartWith("""{"status":"active","comments":[{"parentCommentId":0,"content":"**error** """), "only what a new thread needs");
            Assert.That(comment.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "parentCommentId", "content", "commentType" }));
            Assert.That((string?)inline["threadContext"]!["filePath"], Is.EqualTo("/envs/conda.yml"));
            Assert.That(inline["threadContext"]!["rightFileStart"]!.ToJsonString(), Is.EqualTo("""{"line":4,"offset":5}"""));
            Assert.That(inline["threadContext"]!["rightFileEnd"]!.ToJsonString(), Is.EqualTo("""{"line":4,"offset":15}"""));
            Assert.That(inline["threadContext"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "filePath", "rightFileStart", "rightFileEnd" }));
            Assert.That((int?)comment["parentCommentId"], Is.Zero);
            Assert.That((string?)comment["commentType"], Is.EqualTo("text"));
            Assert.That(content, Does.StartWith("**error** [PG135](https://github.com/pipelineguard/pipelineguard/blob/main/docs/rules/PG135.md) pip-incompatible-with-python: "));
            Assert.That(content, Does.Contain("\n\n```suggestion\n  - pip=26.0.1\n```\n\n<!-- pipelineguard:fp="));
            Assert.That(content, Does.EndWith(" -->"));
            Assert.That(summary["threadContext"], Is.Null, "a general comment on the pull request");
            Assert.That((string)summary["comments"]![0]!["content"]!, Does.StartWith("**PipelineGuard**: 1 finding not on a changed line of this pull request:\n\n- **warning** `envs/conda.yml:6` [PG106]"));
            Assert.That((string)summary["comments"]![0]!["content"]!, Does.Contain("<!-- pipelineguard:fp="));
        });
    }

    [Test]
    public void Past_fifty_threads_the_rest_of_the_findings_go_in_the_summary()
    {
        using var server = new FakeAzureDevOpsServer();
        var fs = GitHubTestData.UnpinnedRequirements(60);
        var diff = "diff --git a/requirements.txt b/requirements.txt\n+++ b/requirements.txt\n@@ -0,0 +1,60 @@\n" + string.Concat(Enumerable.Range(1, 60).Select(i => $"+package{i}\n"));
        var run = Publish(server, fs, new FakeGit(new() { ["HEAD^1"] = diff }));

        var posted = Posted(server);
        Assert.Multiple(() =>
        {
            Assert.That(run.Outcome.Threads, Is.EqualTo(new PipelineGuard.AzureDevOps.Threads.ThreadOutcome(50, 10, 0, 0)));
            Assert.That(posted.Take(50).Select(t => (int)t["threadContext"]!["rightFileStart"]!["line"]!), Is.EqualTo(Enumerable.Range(1, 50)));
            Assert.That((string)posted[50]["comments"]![0]!["content"]!, Does.StartWith("**PipelineGuard**: 10 findings without a thread of their own (not on a changed line, or past the 50 threads of one run):"));
        });
    }

    [Test]
    public void Every_request_is_on_the_pull_request_with_api_version_7_1_and_a_bearer_token()
    {
        using var server = new FakeAzureDevOpsServer();
        Publish(server, AzureReposTestData.Repo());

        Assert.Multiple(() =>
        {
            Assert.That(server.Requests.Select(r => $"{r.Method} {r.Path[FakeAzureDevOpsServer.PullRequestPath.Length..]}{r.Query}"), Is.EqualTo(new[]
            {
                "GET /threads?api-version=7.1",
                "POST /threads?api-version=7.1",
                "POST /threads?api-version=7.1",
                "POST /statuses?api-version=7.1",
            }));
            Assert.That(server.Requests.Select(r => r.Headers["Authorization"]).Distinct(), Is.EqualTo(new[] { "Bearer " + AzureReposTestData.Token }));
            Assert.That(server.Requests[0].Headers["User-Agent"], Does.StartWith("PipelineGuard/"));
        });
    }

    [Test]
    public void The_status_carries_the_verdict_and_links_the_build()
    {
        using var server = new FakeAzureDevOpsServer();
        Publish(server, AzureReposTestData.Repo());
        Publish(server, AzureReposTestData.Repo(AzureReposTestData.FixedEnvironment));

        var statuses = server.To("POST", "/statuses").Select(r => r.Json!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Select(s => (string?)s["state"]), Is.EqualTo(new[] { "failed", "succeeded" }));
            Assert.That((string?)statuses[0]["description"], Is.EqualTo("PipelineGuard: 1 error, 1 warning, 0 notices"));
            Assert.That(statuses[0]["context"]!.ToJsonString(), Is.EqualTo("""{"genre":"pipelineguard","name":"check"}"""));
            Assert.That((string?)statuses[0]["targetUrl"], Is.EqualTo($"{server.CollectionUrl}{FakeAzureDevOpsServer.Project}/_build/results?buildId=42"));
        });
    }

    [Test]
    public void A_second_run_posts_no_thread_again()
    {
        using var server = new FakeAzureDevOpsServer();
        Publish(server, AzureReposTestData.Repo());
        var second = Publish(server, AzureReposTestData.Repo());

        Assert.Multiple(() =>
        {
            Assert.That(server.To("POST", "/threads"), Has.Count.EqualTo(2), "only the first run's two threads");
            Assert.That(server.To("PATCH", "/threads/1"), Is.Empty);
            Assert.That(second.Outcome.Threads, Is.EqualTo(new PipelineGuard.AzureDevOps.Threads.ThreadOutcome(0, 0, 2, 0)));
            Assert.That(second.Diagnostics, Is.Empty);
        });
    }

    [Test]
    public void A_finding_that_is_gone_closes_its_thread_as_fixed_and_leaves_the_others_alone()
    {
        using var server = new FakeAzureDevOpsServer();
        Publish(server, AzureReposTestData.Repo());
        // pip fixed, requests still unpinned: the inline thread (1) is closed, the summary thread (2) stays.
        var halfFixed = "channels: [conda-forge]\ndependencies:\n  - python=3.12.7\n  - pip=26.0.1\n  - pip:\n      - requests>=2.32\n";
        var second = Publish(server, AzureReposTestData.Repo(halfFixed));
        var third = Publish(server, AzureReposTestData.Repo(AzureReposTestData.FixedEnvironment));

        Assert.Multiple(() =>
        {
            Assert.That(server.To("PATCH", "/threads/1").Select(r => r.Body), Is.EqualTo(new[] { """{"status":"fixed"}""" }), "closed once, not again");
            Assert.That(server.To("PATCH", "/threads/2"), Has.Count.EqualTo(1));
            Assert.That(server.Threads.Select(t => (string?)t["status"]), Is.EqualTo(new[] { "fixed", "fixed" }));
            Assert.That(server.To("POST", "/threads"), Has.Count.EqualTo(2));
            Assert.That(second.Outcome.Threads!.Fixed, Is.EqualTo(1));
            Assert.That(third.Outcome.Threads!.Fixed, Is.EqualTo(1));
        });
    }

    [Test]
    public void Threads_of_people_and_threads_closed_by_people_are_left_alone()
    {
        using var server = new FakeAzureDevOpsServer();
        server.AddThread(new JsonObject { ["status"] = "active", ["comments"] = new JsonArray(new JsonObject { ["id"] = 1, ["parentCommentId"] = 0, ["content"] = "Why pip 20?" }) });
        server.AddThread(new JsonObject
        {
            ["status"] = 3, // wontFix, as a number: some servers send the enum so
            ["comments"] = new JsonArray(new JsonObject { ["id"] = 1, ["content"] = "old <!-- pipelineguard:fp=0123456789abcdef -->", ["commentType"] = 1 }),
        });
        Publish(server, AzureReposTestData.Repo());

        Assert.Multiple(() =>
        {
            Assert.That(server.Requests.Where(r => r.Method == "PATCH"), Is.Empty);
            Assert.That(server.To("POST", "/threads"), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Without_the_merge_commit_parent_the_target_branch_is_diffed()
    {
        using var server = new FakeAzureDevOpsServer();
        var git = new FakeGit(new() { ["origin/main"] = AzureReposTestData.LineFourChanged });
        var run = Publish(server, AzureReposTestData.Repo(), git);

        Assert.Multiple(() =>
        {
            Assert.That(git.Calls.Where(c => c.Contains("diff", StringComparison.Ordinal)).Select(c => c.Split(' ')[^2]), Is.EqualTo(new[] { "HEAD^1...HEAD", "origin/main...HEAD" }));
            Assert.That(run.Outcome.Threads!.Inline, Is.EqualTo(1));
            Assert.That(run.Diagnostics, Is.Empty);
        });
    }

    [Test]
    public void Without_git_history_every_finding_goes_in_the_summary_and_one_warning_says_to_fetch_it()
    {
        using var server = new FakeAzureDevOpsServer();
        var run = Publish(server, AzureReposTestData.Repo(), new FakeGit([]));

        var posted = Posted(server);
        Assert.Multiple(() =>
        {
            Assert.That(posted, Has.Count.EqualTo(1));
            Assert.That((string)posted[0]["comments"]![0]!["content"]!, Does.StartWith("**PipelineGuard**: 2 findings not on a changed line"));
            Assert.That(run.Diagnostics.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
            Assert.That(run.Diagnostics, Does.StartWith("##vso[task.logissue type=warning;]--azure-repos-threads: git diff HEAD^1...HEAD and origin/main...HEAD failed"));
            Assert.That(run.Diagnostics, Does.Contain("fetchDepth: 0"));
            Assert.That(run.Outcome.FallBackToLogCommands, Is.False);
        });
    }

    [TestCase("SYSTEM_PULLREQUEST_PULLREQUESTID", "this is not a pull-request build")]
    [TestCase("SYSTEM_ACCESSTOKEN", "no access token: map it in the step with env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)")]
    [TestCase("SYSTEM_COLLECTIONURI", "SYSTEM_COLLECTIONURI is not an http(s) URL")]
    public void Outside_a_pull_request_build_or_without_a_token_one_warning_and_no_request(string missing, string reason)
    {
        using var server = new FakeAzureDevOpsServer();
        var env = AzureReposTestData.PullRequestBuild(server.CollectionUrl);
        env.Remove(missing);
        env.Remove("TF_BUILD");
        var run = Publish(server, AzureReposTestData.Repo(), env: env);

        Assert.Multiple(() =>
        {
            Assert.That(server.Requests, Is.Empty);
            Assert.That(run.Diagnostics, Does.StartWith("pipelineguard: warning: --azure-repos-threads: no pull-request threads: " + reason));
            Assert.That(run.Diagnostics.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
            Assert.That(run.Outcome.FallBackToLogCommands, Is.False);
        });
    }

    [Test]
    public void A_GitHub_repository_built_in_Azure_Pipelines_gets_a_warning_and_no_request()
    {
        using var server = new FakeAzureDevOpsServer();
        var env = AzureReposTestData.PullRequestBuild(server.CollectionUrl);
        env["BUILD_REPOSITORY_PROVIDER"] = "GitHub";
        var run = Publish(server, AzureReposTestData.Repo(), env: env);

        Assert.That(server.Requests, Is.Empty);
        Assert.That(run.Diagnostics, Does.Contain("the repository is on GitHub, not Azure Repos"));
    }

    [TestCase(401)]
    [TestCase(403)]
    [TestCase(203)]
    public void A_refused_token_is_not_retried_and_one_warning_names_the_permission_and_the_mapping(int status)
    {
        using var server = new FakeAzureDevOpsServer
        {
            Override = _ => new FakeResponse(status, status == 203
                ? "<html><head><title>Azure DevOps Services | Sign In</title></head></html>"
                : """{"message":"TF401027: You need the Git 'PullRequestContribute' permission to perform this action."}"""),
        };
        var run = Publish(server, AzureReposTestData.Repo());

        var lines = run.Diagnostics.TrimEnd('\n').Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(server.Requests, Has.Count.EqualTo(1), "no retry: a refused token stays refused");
            Assert.That(run.Delays, Is.Empty);
            Assert.That(run.Outcome.FallBackToLogCommands, Is.True);
            Assert.That(lines, Has.Length.EqualTo(1));
            Assert.That(lines[0], Does.StartWith($"##vso[task.logissue type=warning;]--azure-repos-threads: could not list the pull request's threads on Azure Repos ({status}"));
            Assert.That(lines[0], Does.Contain("\"Contribute to pull requests\""));
            Assert.That(lines[0], Does.Contain("SYSTEM_ACCESSTOKEN: $(System.AccessToken)"));
        });
    }

    [Test]
    public void A_429_waits_as_long_as_Retry_After_says_then_goes_on()
    {
        using var server = new FakeAzureDevOpsServer();
        var throttled = 0;
        server.Override = r => r.Method == "POST" && r.Path.EndsWith("/threads", StringComparison.Ordinal) && throttled++ == 0
            ? new FakeResponse(429, """{"message":"TF400733: The request has been throttled."}""", new Dictionary<string, string> { ["Retry-After"] = "7" })
            : null;
        var run = Publish(server, AzureReposTestData.Repo());

        Assert.Multiple(() =>
        {
            Assert.That(run.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(7) }));
            Assert.That(server.Threads, Has.Count.EqualTo(2));
            Assert.That(run.Diagnostics, Is.Empty);
            Assert.That(run.Outcome.FallBackToLogCommands, Is.False);
        });
    }

    [Test]
    public void A_lasting_500_is_tried_three_times_with_backoff_then_one_warning()
    {
        using var server = new FakeAzureDevOpsServer { Override = _ => new FakeResponse(500, """{"message":"TF246017: internal error"}""") };
        var run = Publish(server, AzureReposTestData.Repo());

        Assert.Multiple(() =>
        {
            Assert.That(server.Requests, Has.Count.EqualTo(3));
            Assert.That(run.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) }));
            Assert.That(run.Outcome.FallBackToLogCommands, Is.True);
            Assert.That(run.Diagnostics, Does.Contain("could not list the pull request's threads on Azure Repos after 3 attempts (500: TF246017: internal error)."));
            Assert.That(run.Diagnostics, Does.Not.Contain("Contribute to pull requests"));
        });
    }

    [Test]
    public void A_Retry_After_longer_than_a_minute_gives_up_at_once()
    {
        using var server = new FakeAzureDevOpsServer
        {
            Override = _ => new FakeResponse(503, "{}", new Dictionary<string, string> { ["Retry-After"] = "3600" }),
        };
        var run = Publish(server, AzureReposTestData.Repo());

        Assert.Multiple(() =>
        {
            Assert.That(server.Requests, Has.Count.EqualTo(1));
            Assert.That(run.Delays, Is.Empty);
            Assert.That(run.Outcome.FallBackToLogCommands, Is.True);
        });
    }

    [Test]
    public void The_token_is_sent_in_the_Authorization_header_only_and_never_printed_even_when_echoed()
    {
        using var server = new FakeAzureDevOpsServer();
        server.Override = r => r.Method == "POST" && r.Path.EndsWith("/statuses", StringComparison.Ordinal)
            ? new FakeResponse(500, $$"""{"message":"bad token {{AzureReposTestData.Token}} in https://x:{{AzureReposTestData.Token}}@dev.azure.com"}""", new Dictionary<string, string> { ["Retry-After"] = "0" })
            : null;
        var run = Publish(server, AzureReposTestData.Repo());

        Assert.Multiple(() =>
        {
            Assert.That(server.Requests.Select(r => r.Body + r.Path + r.Query), Has.None.Contains(AzureReposTestData.Token));
            Assert.That(server.Requests.SelectMany(r => r.Headers.Where(h => h.Key != "Authorization").Select(h => h.Value)), Has.None.Contains(AzureReposTestData.Token));
            Assert.That(run.Diagnostics, Does.Not.Contain(AzureReposTestData.Token));
            Assert.That(run.Diagnostics, Does.Contain("bad token ***"));
        });
    }
}

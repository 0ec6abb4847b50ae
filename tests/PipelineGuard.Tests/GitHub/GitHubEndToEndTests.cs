using System.Text.Json.Nodes;
using PipelineGuard.GitHub;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.GitHub;

/// <summary>The real Octokit client against <see cref="FakeGitHubServer"/>: JSON bodies, batching, headers, retries.</summary>
[CancelAfter(10_000)]
public sealed class GitHubEndToEndTests
{
    private static (GitHubOutcome Outcome, string Diagnostics, List<TimeSpan> Delays) Run(
        FakeGitHubServer server, InMemoryFileSystem fs, GitHubRequest request, Severity? failOn = Severity.Error, Dictionary<string, string>? extraEnv = null)
    {
        fs.Add("/events/event.json", GitHubTestData.PullRequestEvent());
        var env = GitHubTestData.ActionsEnvironment(server.BaseUrl);
        foreach (var (key, value) in extraEnv ?? [])
        {
            env[key] = value;
        }

        var delays = new List<TimeSpan>();
        var diagnostics = new StringWriter();
        var integration = new GitHubIntegration(
            k => env.GetValueOrDefault(k),
            fs,
            diagnostics,
            delay: (wait, _) => { delays.Add(wait); return Task.CompletedTask; },
            clock: FixedClock.SessionDay);
        var outcome = integration.Run(request, GitHubTestData.Check(fs, failOn));
        return (outcome, diagnostics.ToString(), delays);
    }

    private static GitHubRequest Checks => new(Checks: true, Review: false, OnlyChanged: false, DiffBase: null, Token: null);

    private static GitHubRequest Review => new(Checks: false, Review: true, OnlyChanged: false, DiffBase: null, Token: null);

    [Test]
    public void One_hundred_twenty_findings_make_one_check_run_and_three_batches_of_annotations()
    {
        using var server = new FakeGitHubServer();
        // 120 findings of one file are reported as 100 and one summary of the other 20 (docs/limits.md): 101 annotations.
        var (outcome, diagnostics, _) = Run(server, GitHubTestData.UnpinnedRequirements(120), Checks, Severity.Warning);

        var creates = server.To("POST", "/api/v3/repos/octo/ml/check-runs");
        var updates = server.To("PATCH", "/api/v3/repos/octo/ml/check-runs/7");
        Assert.That(creates, Has.Count.EqualTo(1));
        Assert.That(updates, Has.Count.EqualTo(2));
        var create = creates[0].Json!;
        var annotations = new[] { create, updates[0].Json!, updates[1].Json! }.Select(b => b["output"]!["annotations"]!.AsArray()).ToList();
        var first = annotations[0][0]!;
        Assert.Multiple(() =>
        {
            Assert.That(outcome.FallBackToWorkflowCommands, Is.False);
            Assert.That(diagnostics, Is.EqualTo("::add-mask::" + GitHubTestData.Token + "\n"));
            Assert.That(annotations.Select(a => a.Count), Is.EqualTo(new[] { 50, 50, 1 }));
            Assert.That(annotations.SelectMany(a => a).Select(a => (int)a!["start_line"]!), Is.EqualTo(Enumerable.Range(1, 101)));
            Assert.That((string?)create["name"], Is.EqualTo("PipelineGuard"));
            Assert.That((string?)create["head_sha"], Is.EqualTo(GitHubTestData.HeadSha));
            Assert.That((string?)create["status"], Is.EqualTo("in_progress"));
            Assert.That(create["conclusion"], Is.Null);
            Assert.That((string?)updates[0].Json!["status"], Is.Null);
            Assert.That((string?)updates[1].Json!["status"], Is.EqualTo("completed"));
            Assert.That((string?)updates[1].Json!["conclusion"], Is.EqualTo("failure"));
            Assert.That((string?)create["output"]!["title"], Is.EqualTo("0 errors, 101 warnings, 0 notices"));
            Assert.That((string?)create["output"]!["summary"], Does.StartWith("**PipelineGuard** checked 1 file"));
            Assert.That((string?)first["path"], Is.EqualTo("requirements.txt"));
            Assert.That((string?)first["annotation_level"], Is.EqualTo("warning"));
            Assert.That((string?)first["title"], Is.EqualTo("PG106 dependency-unpinned"));
            Assert.That((int?)first["start_column"], Is.EqualTo(1));
            Assert.That((int?)first["end_column"], Is.EqualTo("package1".Length));
            Assert.That(creates[0].Headers["Authorization"], Does.EndWith(GitHubTestData.Token));
            Assert.That(creates[0].Headers["User-Agent"], Does.StartWith("PipelineGuard"));
        });
    }

    [Test]
    public void Conclusion_is_neutral_below_the_threshold_and_success_without_findings()
    {
        using var below = new FakeGitHubServer();
        Run(below, GitHubTestData.UnpinnedRequirements(2), Checks, Severity.Error);
        using var clean = new FakeGitHubServer();
        Run(clean, Lint.Repo(("requirements.txt", "numpy==1.26.4\n")), Checks);
        var neutral = below.To("POST", "/check-runs").Single().Json!;
        var success = clean.To("POST", "/check-runs").Single().Json!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)neutral["status"], Is.EqualTo("completed"));
            Assert.That((string?)neutral["conclusion"], Is.EqualTo("neutral"));
            Assert.That((string?)success["conclusion"], Is.EqualTo("success"));
            Assert.That(success["output"]!["annotations"]!.AsArray(), Is.Empty);
            Assert.That(below.To("PATCH", "/check-runs/7"), Is.Empty);
        });
    }

    [Test]
    public void A_403_on_check_run_creation_gives_one_notice_and_the_workflow_command_fallback_without_retrying()
    {
        using var server = new FakeGitHubServer
        {
            Override = r => r.Method == "POST" ? new FakeResponse(403, """{"message":"Resource not accessible by integration"}""") : null,
        };
        var fs = GitHubTestData.UnpinnedRequirements(3);
        var (outcome, diagnostics, delays) = Run(server, fs, Checks);
        var lines = diagnostics.TrimEnd('\n').Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(outcome.FallBackToWorkflowCommands, Is.True);
            Assert.That(outcome.Result.Findings, Has.Count.EqualTo(3));
            Assert.That(server.Requests, Has.Count.EqualTo(1));
            Assert.That(delays, Is.Empty);
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That(lines[1], Does.StartWith("::notice title=PipelineGuard::Could not create the check run on GitHub (403 Forbidden: Resource not accessible by integration)."));
            Assert.That(lines[1], Does.Contain("checks: write"));
            Assert.That(lines[1], Does.Not.Contain(GitHubTestData.Token));
        });
    }

    [Test]
    public void Server_errors_and_secondary_rate_limits_are_retried_with_backoff_then_succeed()
    {
        var failures = 0;
        using var server = new FakeGitHubServer
        {
            Override = r => r.Method != "POST" ? null : Interlocked.Increment(ref failures) switch
            {
                1 => new FakeResponse(502, """{"message":"Server Error"}"""),
                2 => new FakeResponse(403, """{"message":"You have exceeded a secondary rate limit."}""", new Dictionary<string, string> { ["Retry-After"] = "7" }),
                _ => null,
            },
        };
        var (outcome, diagnostics, delays) = Run(server, GitHubTestData.UnpinnedRequirements(1), Checks);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.FallBackToWorkflowCommands, Is.False);
            Assert.That(server.To("POST", "/check-runs"), Has.Count.EqualTo(3));
            Assert.That(delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(7) }));
            Assert.That(diagnostics, Does.Not.Contain("notice"));
        });
    }

    [Test]
    public void Persistent_server_errors_stop_after_three_attempts_with_one_notice()
    {
        using var server = new FakeGitHubServer { Override = _ => new FakeResponse(503, """{"message":"Unavailable"}""") };
        var (outcome, diagnostics, delays) = Run(server, GitHubTestData.UnpinnedRequirements(1), Checks);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.FallBackToWorkflowCommands, Is.True);
            Assert.That(server.Requests, Has.Count.EqualTo(3));
            Assert.That(delays, Has.Count.EqualTo(2));
            Assert.That(diagnostics.Split('\n').Count(l => l.StartsWith("::notice", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(diagnostics, Does.Contain("after 3 attempts (503 ServiceUnavailable: Unavailable)"));
        });
    }

    [Test]
    public void Review_comments_go_on_changed_lines_with_line_and_side_and_a_second_run_adds_no_duplicate()
    {
        using var server = new FakeGitHubServer
        {
            Files = [new JsonObject { ["filename"] = "requirements.txt", ["status"] = "modified", ["changes"] = 1, ["patch"] = "@@ -1,2 +1,3 @@\n package1\n+package2\n package3" }],
        };
        var fs = GitHubTestData.UnpinnedRequirements(3);
        var first = Run(server, fs, Review);
        var second = Run(server, fs, Review);

        var reviews = server.To("POST", "/pulls/5/reviews");
        Assert.That(reviews, Has.Count.EqualTo(1), "the second run finds every fingerprint already reported");
        var review = reviews[0].Json!;
        var comment = review["comments"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(first.Outcome.FallBackToWorkflowCommands || second.Outcome.FallBackToWorkflowCommands, Is.False);
            Assert.That((string?)review["commit_id"], Is.EqualTo(GitHubTestData.HeadSha));
            Assert.That((string?)review["event"], Is.EqualTo("COMMENT"));
            Assert.That((string?)comment["path"], Is.EqualTo("requirements.txt"));
            Assert.That((int?)comment["line"], Is.EqualTo(2));
            Assert.That((string?)comment["side"], Is.EqualTo("RIGHT"));
            Assert.That(comment["position"], Is.Null);
            Assert.That((string?)comment["body"], Does.Contain("PG106").And.Contain("<!-- pipelineguard:fp="));
            Assert.That((string?)review["body"], Does.Contain("`requirements.txt:1`").And.Contain("`requirements.txt:3`"));
            Assert.That(server.To("GET", "/pulls/5/comments"), Has.Count.EqualTo(2));
            Assert.That(reviews[0].Headers["Content-Type"], Does.StartWith("application/json"));
        });
    }

    [Test]
    public void A_review_comment_with_a_fix_on_its_line_carries_a_suggestion_of_the_whole_new_line()
    {
        using var server = new FakeGitHubServer
        {
            Files = [new JsonObject { ["filename"] = "environment.yml", ["status"] = "modified", ["changes"] = 1, ["patch"] = "@@ -3,2 +3,2 @@\n   - python=3.12.7\n-  - pip=20.2.4\n+  - pip=20.2.4   # pinned" }],
        };
        var fs = new InMemoryFileSystem("/repo").Add("/repo/environment.yml", "channels: [conda-forge]\ndependencies:\n  - python=3.12.7\n  - pip=20.2.4   # pinned\n");
        Run(server, fs, Review);

        var comment = server.To("POST", "/pulls/5/reviews").Single().Json!["comments"]!.AsArray().Single(c => ((string?)c!["body"])!.Contains("PG135", StringComparison.Ordinal))!;
        var body = (string?)comment["body"];
        Assert.Multiple(() =>
        {
            Assert.That((int?)comment["line"], Is.EqualTo(4));
            Assert.That(body, Does.Contain("\n\n```suggestion\n  - pip=26.0.1   # pinned\n```\n\n<!-- pipelineguard:fp="));
            Assert.That(body, Does.Not.Contain("Fix: `"));
        });
    }

    [Test]
    public void Only_changed_keeps_the_findings_on_lines_the_pull_request_adds()
    {
        using var server = new FakeGitHubServer
        {
            Files = [new JsonObject { ["filename"] = "requirements.txt", ["status"] = "modified", ["changes"] = 2, ["patch"] = "@@ -1,3 +1,4 @@\n package1\n+package2\n+package3\n package4" }],
        };
        var request = new GitHubRequest(Checks: false, Review: false, OnlyChanged: true, DiffBase: null, Token: null);
        var (outcome, diagnostics, _) = Run(server, GitHubTestData.UnpinnedRequirements(4), request);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Result.Findings.Places(), Is.EqualTo(new[] { "requirements.txt:2:1-2:9", "requirements.txt:3:1-3:9" }));
            Assert.That(diagnostics, Does.Not.Contain("notice"));
        });
    }
}

using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using Moq;
using Octokit;
using PipelineGuard.GitHub;
using PipelineGuard.GitHub.Api;
using PipelineGuard.GitHub.Diff;
using PipelineGuard.GitHub.Reviews;
using PipelineGuard.Model;
using PipelineGuard.Tests.Support;
using Severity = PipelineGuard.Model.Severity;

namespace PipelineGuard.Tests.GitHub;

/// <summary>Review and changed-line logic on Moq'd Octokit interfaces and an injected process runner.</summary>
public sealed class ReviewAndDiffLogicTests
{
    private static ApiRetry NoWait() => new((_, _) => Task.CompletedTask, new SecretRedactor(GitHubTestData.Token));

    private static ChangedLines Changed(string path, params int[] lines) =>
        new(new Dictionary<string, ImmutableHashSet<int>> { [path] = [.. lines] });

    private static (Mock<IGitHubClient> Client, Mock<IConnection> Connection, List<string> Posted) Review(params string[] existingBodies)
    {
        var comments = new Mock<IPullRequestReviewCommentsClient>();
        comments.Setup(c => c.GetAll("octo", "ml", 5)).ReturnsAsync(existingBodies.Select(b => new PullRequestReviewComment(null, 1, null, null, "requirements.txt", null, null, null, null, null, b, default, default, null, null, null, null, null, default)).ToList());
        var reviews = new Mock<IPullRequestReviewsClient>();
        reviews.Setup(r => r.GetAll("octo", "ml", 5)).ReturnsAsync([]);
        var pulls = new Mock<IPullRequestsClient>();
        pulls.SetupGet(p => p.ReviewComment).Returns(comments.Object);
        pulls.SetupGet(p => p.Review).Returns(reviews.Object);
        var connection = new Mock<IConnection>(MockBehavior.Strict);
        var posted = new List<string>();
        var client = new Mock<IGitHubClient>();
        client.SetupGet(c => c.PullRequest).Returns(pulls.Object);
        client.SetupGet(c => c.Connection).Returns(connection.Object);
        return (client, connection, posted);
    }

    private static void AcceptPosts(Mock<IConnection> connection, List<string> posted, Func<string, Exception?>? fail = null) =>
        connection.Setup(c => c.Post<PullRequestReview>(
                It.Is<Uri>(u => u.OriginalString == "repos/octo/ml/pulls/5/reviews"), It.IsAny<object>(), "application/vnd.github+json", "application/json", (IDictionary<string, string>?)null, It.IsAny<CancellationToken>()))
            .Returns<Uri, object, string, string, IDictionary<string, string>, CancellationToken>((_, body, _, _, _, _) =>
            {
                posted.Add((string)body);
                return fail?.Invoke((string)body) is { } e ? Task.FromException<IApiResponse<PullRequestReview>>(e) : Task.FromResult(Mock.Of<IApiResponse<PullRequestReview>>());
            });

    [Test]
    public async Task Findings_already_marked_in_an_earlier_comment_are_not_posted_again()
    {
        var fs = GitHubTestData.UnpinnedRequirements(2);
        var result = GitHubTestData.Check(fs);
        var targets = FindingTargets.Of(result, new RepositoryPaths("/repo", null));
        var (client, connection, posted) = Review("earlier\n" + Fingerprints.Marker(targets[0].Fingerprint));
        AcceptPosts(connection, posted);

        var outcome = await new ReviewPublisher(client.Object, NoWait()).Publish(GitHubTestData.Settings(), 5, targets, Changed("requirements.txt", 1, 2));

        var body = JsonNode.Parse(posted.Single())!;
        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(new ReviewOutcome(Comments: 1, InBody: 0, AlreadyReported: 1, Posted: true)));
            Assert.That((int?)body["comments"]![0]!["line"], Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Nothing_new_posts_no_review()
    {
        var fs = GitHubTestData.UnpinnedRequirements(1);
        var targets = FindingTargets.Of(GitHubTestData.Check(fs), new RepositoryPaths("/repo", null));
        var (client, connection, posted) = Review(Fingerprints.Marker(targets[0].Fingerprint));
        var outcome = await new ReviewPublisher(client.Object, NoWait()).Publish(GitHubTestData.Settings(), 5, targets, Changed("requirements.txt", 1));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Posted, Is.False);
            Assert.That(posted, Is.Empty);
        });
        connection.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_422_for_lines_outside_the_diff_is_retried_once_with_everything_in_the_body()
    {
        var fs = GitHubTestData.UnpinnedRequirements(2);
        var targets = FindingTargets.Of(GitHubTestData.Check(fs), new RepositoryPaths("/repo", null));
        var (client, connection, posted) = Review();
        AcceptPosts(connection, posted, body => body.Contains("\"line\"", StringComparison.Ordinal) ? new ApiValidationException() : null);
        var outcome = await new ReviewPublisher(client.Object, NoWait()).Publish(GitHubTestData.Settings(), 5, targets, Changed("requirements.txt", 1, 2));
        Assert.Multiple(() =>
        {
            Assert.That(posted, Has.Count.EqualTo(2));
            Assert.That(JsonNode.Parse(posted[1])!["comments"]!.AsArray(), Is.Empty);
            Assert.That(outcome, Is.EqualTo(new ReviewOutcome(0, 2, 0, true)));
        });
    }

    [Test]
    public async Task Pull_request_files_without_a_patch_count_as_changed_throughout()
    {
        var pulls = new Mock<IPullRequestsClient>();
        pulls.Setup(p => p.Files("octo", "ml", 5)).ReturnsAsync(
        [
            new PullRequestFile(null, "big.txt", "modified", 5000, 0, 5000, null, null, null, null, null),
            new PullRequestFile(null, "gone.txt", "removed", 0, 3, 3, null, null, null, "@@ -1,3 +0,0 @@\n-a\n-b\n-c", null),
            new PullRequestFile(null, "env.yml", "modified", 1, 1, 2, null, null, null, "@@ -4 +4 @@\n-  - pip\n+  - pip=23.3.1", null),
        ]);
        var client = new Mock<IGitHubClient>();
        client.SetupGet(c => c.PullRequest).Returns(pulls.Object);
        var changed = await new PullRequestFilesSource(client.Object, NoWait()).Read(GitHubTestData.Settings(), 5);
        Assert.Multiple(() =>
        {
            Assert.That(changed.Contains("big.txt", 4321), Is.True);
            Assert.That(changed.Contains("env.yml", 4), Is.True);
            Assert.That(changed.Contains("env.yml", 3), Is.False);
            Assert.That(changed.Files, Does.Not.Contain("gone.txt"));
        });
    }

    [Test]
    public void Only_changed_keeps_log_findings_whose_related_spec_line_changed()
    {
        var fs = GitHubTestData.UnpinnedRequirements(3);
        var result = GitHubTestData.Check(fs);
        var rule = new RuleInfo("PG303", "pip-package-not-found", Severity.Error, "pip cannot find a package");
        var log = new Finding(rule, Severity.Error, "No matching distribution found for package2", new SourceSpan("build.log", 9, 1, 9, 5))
        {
            Related = [new RelatedLocation(new SourceSpan("requirements.txt", 2, 1, 2, 9), "declared here")],
        };
        var kept = ChangedFindings.Keep(result with { Findings = [.. result.Findings, log] }, Changed("requirements.txt", 2), new RepositoryPaths("/repo", null));
        Assert.That(kept.Findings.Select(f => $"{f.RuleId}@{f.Span.File}:{f.Span.Line}"), Is.EqualTo(new[] { "PG106@requirements.txt:2", "PG303@build.log:9" }));
    }

    [Test]
    public void Diff_base_runs_git_diff_three_dot_through_the_injected_runner()
    {
        var runner = new Mock<IProcessRunner>();
        runner.Setup(r => r.Run("git", It.Is<IReadOnlyList<string>>(a => a.Contains("origin/main...HEAD") && a.Contains("--unified=0")), "/repo/sub", It.IsAny<TimeSpan>()))
            .Returns(new ProcessResult(0, "diff --git a/sub/requirements.txt b/sub/requirements.txt\n+++ b/sub/requirements.txt\n@@ -0,0 +3 @@\n+package3\n", string.Empty));
        runner.Setup(r => r.Run("git", new[] { "rev-parse", "--show-toplevel" }, "/repo/sub", It.IsAny<TimeSpan>()))
            .Returns(new ProcessResult(0, "/repo\n", string.Empty));
        var fs = new PipelineGuard.IO.InMemoryFileSystem("/repo/sub").Add("requirements.txt", "package1\npackage2\npackage3\n");
        var diagnostics = new StringWriter();
        var integration = new GitHubIntegration(_ => null, fs, diagnostics, processRunner: runner.Object);
        var outcome = integration.Run(new GitHubRequest(false, false, true, "origin/main", null), GitHubTestData.Check(fs));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Result.Findings.Places(), Is.EqualTo(new[] { "requirements.txt:3:1-3:9" }));
            Assert.That(outcome.FallBackToWorkflowCommands, Is.False);
            Assert.That(diagnostics.ToString(), Is.Empty);
        });
    }

    [Test]
    public void A_failing_git_diff_keeps_every_finding_and_says_why()
    {
        var runner = new Mock<IProcessRunner>();
        runner.Setup(r => r.Run("git", It.IsAny<IReadOnlyList<string>>(), It.IsAny<string>(), It.IsAny<TimeSpan>()))
            .Returns(new ProcessResult(128, string.Empty, "fatal: ambiguous argument 'origin/main...HEAD': unknown revision\n"));
        var fs = GitHubTestData.UnpinnedRequirements(2);
        var diagnostics = new StringWriter();
        var outcome = new GitHubIntegration(_ => null, fs, diagnostics, processRunner: runner.Object)
            .Run(new GitHubRequest(false, false, true, "origin/main", null), GitHubTestData.Check(fs));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Result.Findings, Has.Count.EqualTo(2));
            Assert.That(diagnostics.ToString(), Does.StartWith("pipelineguard: notice: --only-changed: git diff origin/main...HEAD failed (fatal: ambiguous argument").And.Contain("fetch-depth: 0"));
        });
    }

    [Test]
    public void Explain_names_the_fork_and_the_permission()
    {
        var failure = new GitHubApiFailure("create the pull request review", HttpStatusCode.Forbidden, "403 Forbidden: Resource not accessible by integration", 1);
        Assert.Multiple(() =>
        {
            Assert.That(GitHubIntegration.Explain(failure, GitHubTestData.Settings(fork: true), "pull-requests: write"), Does.Contain("fork gets a read-only GITHUB_TOKEN"));
            Assert.That(GitHubIntegration.Explain(failure, GitHubTestData.Settings(), "pull-requests: write"), Does.Contain("`permissions: pull-requests: write`"));
        });
    }
}

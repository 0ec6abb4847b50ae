using System.Net;
using Moq;
using Octokit;
using PipelineGuard.GitHub;
using PipelineGuard.GitHub.Api;
using PipelineGuard.GitHub.Checks;
using PipelineGuard.Model;
using PipelineGuard.Tests.Support;
using Severity = PipelineGuard.Model.Severity;

namespace PipelineGuard.Tests.GitHub;

/// <summary>The check-run logic on Moq'd Octokit interfaces.</summary>
public sealed class CheckRunLogicTests
{
    private static readonly RuleInfo LogRule = new("PG303", "pip-package-not-found", Severity.Error, "pip cannot find a package");

    private static (Mock<ICheckRunsClient> Runs, Mock<IGitHubClient> Client) Clients()
    {
        var runs = new Mock<ICheckRunsClient>(MockBehavior.Strict);
        var checks = new Mock<IChecksClient>();
        checks.SetupGet(c => c.Run).Returns(runs.Object);
        var client = new Mock<IGitHubClient>();
        client.SetupGet(c => c.Check).Returns(checks.Object);
        return (runs, client);
    }

    private static ApiRetry NoWait(List<TimeSpan>? delays = null) =>
        new((wait, _) => { delays?.Add(wait); return Task.CompletedTask; }, new SecretRedactor(GitHubTestData.Token));

    private static CheckRun Run(long id) => new(id, GitHubTestData.HeadSha, null, null, "https://github.example/run", null, CheckStatus.InProgress, null, DateTimeOffset.UnixEpoch, null, null, "PipelineGuard", null, null, []);

    [Test]
    public async Task Annotations_are_sent_fifty_per_request_and_the_last_request_completes_the_run()
    {
        var (runs, client) = Clients();
        var sent = new List<NewCheckRunAnnotation>();
        NewCheckRun? created = null;
        var updates = new List<CheckRunUpdate>();
        runs.Setup(r => r.Create("octo", "ml", It.IsAny<NewCheckRun>()))
            .Callback<string, string, NewCheckRun>((_, _, run) => { created = run; sent.AddRange(run.Output.Annotations); })
            .ReturnsAsync(Run(42));
        runs.Setup(r => r.Update("octo", "ml", 42, It.IsAny<CheckRunUpdate>()))
            .Callback<string, string, long, CheckRunUpdate>((_, _, _, u) => { updates.Add(u); sent.AddRange(u.Output.Annotations); })
            .ReturnsAsync(Run(42));

        var fs = GitHubTestData.UnpinnedRequirements(101);
        var result = GitHubTestData.Check(fs, Severity.Warning);
        var targets = FindingTargets.Of(result, new RepositoryPaths("/repo", null));
        await new CheckRunPublisher(client.Object, NoWait(), FixedClock.SessionDay).Publish(GitHubTestData.Settings(), result, targets);

        Assert.Multiple(() =>
        {
            Assert.That(created!.Output.Annotations, Has.Count.EqualTo(50));
            Assert.That(created.Status!.Value.Value, Is.EqualTo(CheckStatus.InProgress));
            Assert.That(updates.Select(u => u.Output.Annotations.Count), Is.EqualTo(new[] { 50, 1 }));
            Assert.That(updates[0].Status, Is.Null);
            Assert.That(updates[1].Status!.Value.Value, Is.EqualTo(CheckStatus.Completed));
            Assert.That(updates[1].Conclusion!.Value.Value, Is.EqualTo(CheckConclusion.Failure));
            Assert.That(sent.Select(a => a.StartLine), Is.EqualTo(Enumerable.Range(1, 101)));
        });
    }

    [Test]
    public void A_failed_batch_still_completes_the_run_and_reports_the_failure()
    {
        var (runs, client) = Clients();
        runs.Setup(r => r.Create("octo", "ml", It.IsAny<NewCheckRun>())).ReturnsAsync(Run(42));
        var calls = 0;
        runs.Setup(r => r.Update("octo", "ml", 42, It.IsAny<CheckRunUpdate>()))
            .Returns<string, string, long, CheckRunUpdate>((_, _, _, u) => ++calls == 1
                ? Task.FromException<CheckRun>(new ApiValidationException())
                : Task.FromResult(Run(42)));
        var fs = GitHubTestData.UnpinnedRequirements(60);
        var result = GitHubTestData.Check(fs);
        var targets = FindingTargets.Of(result, new RepositoryPaths("/repo", null));
        var failure = Assert.ThrowsAsync<GitHubApiFailure>(() => new CheckRunPublisher(client.Object, NoWait(), FixedClock.SessionDay).Publish(GitHubTestData.Settings(), result, targets));
        Assert.Multiple(() =>
        {
            Assert.That(failure!.Status, Is.EqualTo((HttpStatusCode)422));
            Assert.That(calls, Is.EqualTo(2), "one failed batch, then one plain request that completes the run");
        });
    }

    [Test]
    public void Levels_map_to_failure_warning_notice_and_columns_are_only_on_single_line_annotations()
    {
        var rule = new RuleInfo("PG999", new string('x', 300), Severity.Error, "summary");
        var oneLine = new Finding(rule, Severity.Error, "bad", new SourceSpan("a.yml", 3, 5, 3, 9));
        var twoLines = new Finding(rule, Severity.Warning, "bad", new SourceSpan("a.yml", 3, 5, 4, 2));
        var wholeLine = new Finding(rule, Severity.Notice, "bad", SourceSpan.LineOf("a.yml", 3));
        var annotations = new[] { oneLine, twoLines, wholeLine }
            .Select(f => Annotations.Of(new FindingTarget(f, "a.yml", f.Span, false, "fp"))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(annotations.Select(a => a.AnnotationLevel!.Value.Value), Is.EqualTo(new[] { CheckAnnotationLevel.Failure, CheckAnnotationLevel.Warning, CheckAnnotationLevel.Notice }));
            Assert.That((annotations[0].StartColumn, annotations[0].EndColumn), Is.EqualTo(((int?)5, (int?)8)), "end column is inclusive on GitHub");
            Assert.That((annotations[1].StartColumn, annotations[1].EndColumn, annotations[1].EndLine), Is.EqualTo(((int?)null, (int?)null, 4)));
            Assert.That(annotations[2].StartColumn, Is.Null);
            Assert.That(annotations[0].Title, Has.Length.EqualTo(255));
        });
    }

    [Test]
    public void Long_messages_are_cut_within_64_KB_without_splitting_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 40_000));
        var cut = TextLimits.Truncate(text, TextLimits.MessageBytes);
        Assert.Multiple(() =>
        {
            Assert.That(System.Text.Encoding.UTF8.GetByteCount(cut), Is.LessThanOrEqualTo(TextLimits.MessageBytes));
            Assert.That(cut, Does.EndWith("…"));
            Assert.That(char.IsHighSurrogate(cut[^2]), Is.False);
            Assert.That(TextLimits.Truncate("short", 10), Is.EqualTo("short"));
        });
    }

    [Test]
    public void A_build_log_finding_is_annotated_on_its_related_spec_line()
    {
        var fs = GitHubTestData.UnpinnedRequirements(3);
        var result = GitHubTestData.Check(fs);
        var log = new Finding(LogRule, Severity.Error, "No matching distribution found for package2", new SourceSpan("../logs/build.txt", 812, 1, 812, 40))
        {
            Related = [new RelatedLocation(new SourceSpan("requirements.txt", 2, 1, 2, 9), "declared here")],
        };
        var outside = log with { Related = [] };
        var paths = new RepositoryPaths("/repo", null);
        var moved = FindingTargets.Of(log, result, paths);
        var lost = FindingTargets.Of(outside, result, paths);
        var annotation = Annotations.Of(moved);
        Assert.Multiple(() =>
        {
            Assert.That((moved.Path, moved.Span.Line, moved.Moved), Is.EqualTo(("requirements.txt", 2, true)));
            Assert.That(annotation.Message, Does.EndWith("(from ../logs/build.txt:812)"));
            Assert.That(lost.InRepository, Is.False);
            Assert.That(CheckRunSummary.Markdown(result with { Findings = [outside] }, [lost]), Does.Contain("not annotated: outside the repository"));
        });
    }

    [Test]
    public void The_fingerprint_ignores_the_line_number_and_whitespace_but_not_the_rule_or_file()
    {
        var a = Fingerprints.Of("PG106", "env.yml", "  - numpy  ");
        Assert.Multiple(() =>
        {
            Assert.That(Fingerprints.Of("PG106", "env.yml", "- numpy"), Is.EqualTo(a));
            Assert.That(Fingerprints.Of("PG108", "env.yml", "- numpy"), Is.Not.EqualTo(a));
            Assert.That(Fingerprints.Of("PG106", "other.yml", "- numpy"), Is.Not.EqualTo(a));
            Assert.That(Fingerprints.Read($"text {Fingerprints.Marker(a)} more <!-- pipelineguard:fp=zz -->"), Is.EqualTo(new[] { a }));
        });
    }
}

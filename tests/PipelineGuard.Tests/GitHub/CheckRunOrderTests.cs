using Moq;
using Octokit;
using PipelineGuard.GitHub;
using PipelineGuard.GitHub.Api;
using PipelineGuard.GitHub.Checks;
using PipelineGuard.Model;
using PipelineGuard.Tests.Support;
using static PipelineGuard.Tests.Reporting.ReportingFixtures;
using Severity = PipelineGuard.Model.Severity;

namespace PipelineGuard.Tests.GitHub;

/// <summary>A check run lists the most severe findings first, in its annotations and in its summary table.</summary>
public sealed class CheckRunOrderTests
{
    private static List<FindingTarget> Targets() =>
    [
        .. FindingOrder.Sort([
            Finding(NoticeRule, "a.yml", 1, 1, 1, 2),
            Finding(WarningRule, "a.yml", 2, 1, 2, 2),
            Finding(ErrorRule, "b.yml", 3, 1, 3, 2),
        ]).Select(f => new FindingTarget(f, f.Span.File, f.Span, false, f.RuleId + f.Span.Line)),
    ];

    [Test]
    public async Task Annotations_are_sent_errors_first()
    {
        var runs = new Mock<ICheckRunsClient>();
        var checks = new Mock<IChecksClient>();
        checks.SetupGet(c => c.Run).Returns(runs.Object);
        var client = new Mock<IGitHubClient>();
        client.SetupGet(c => c.Check).Returns(checks.Object);
        NewCheckRun? created = null;
        runs.Setup(r => r.Create("octo", "ml", It.IsAny<NewCheckRun>()))
            .Callback<string, string, NewCheckRun>((_, _, run) => created = run)
            .ReturnsAsync(new CheckRun(1, GitHubTestData.HeadSha, null, null, "https://github.example/run", null, CheckStatus.Completed, null, DateTimeOffset.UnixEpoch, null, null, "PipelineGuard", null, null, []));
        var result = Result([("a.yml", "x\n"), ("b.yml", "x\n")], Targets().Select(t => t.Finding));
        var retry = new ApiRetry((_, _) => Task.CompletedTask, new SecretRedactor(GitHubTestData.Token));

        await new CheckRunPublisher(client.Object, retry, FixedClock.SessionDay).Publish(GitHubTestData.Settings(), result, Targets());

        Assert.That(created!.Output.Annotations.Select(a => a.Title), Is.EqualTo(new[]
        {
            "PG102 pip-unpinned", "PG106 dependency-unpinned", "PG112 pip-timeout-not-raised",
        }));
    }

    [Test]
    public void The_summary_table_lists_errors_first()
    {
        var result = Result([("a.yml", "x\n"), ("b.yml", "x\n")], Targets().Select(t => t.Finding));
        var markdown = CheckRunSummary.Markdown(result, Targets());
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| error", StringComparison.Ordinal) || l.StartsWith("| warning", StringComparison.Ordinal) || l.StartsWith("| notice", StringComparison.Ordinal));
        Assert.That(rows.Select(r => r.Split(' ')[1]), Is.EqualTo(new[] { "error", "warning", "notice" }));
    }
}

using PipelineGuard.Model;
using PipelineGuard.Reporting;
using static PipelineGuard.Tests.Reporting.ReportingFixtures;

namespace PipelineGuard.Tests.Reporting;

public sealed class MarkdownSummaryTests
{
    private static CheckResult Mixed() => Result([("a.yml", "x\n"), ("b.yml", "x\n")], [
        Finding(NoticeRule, "a.yml", 1, 1, 1, 2),
        Finding(WarningRule, "a.yml", 2, 1, 2, 2),
        Finding(WarningRule, "b.yml", 2, 1, 2, 2),
        Finding(ErrorRule, "b.yml", 3, 1, 3, 2),
    ]);

    private static string Build(CheckResult result, int maxBytes = int.MaxValue) =>
        new MarkdownSummary(new CiPaths("/repo", _ => null), _ => null).Build(result, maxBytes);

    [Test]
    public void Counts_per_rule_come_first_then_one_collapsed_block_per_rule_errors_first()
    {
        var markdown = Build(Mixed());
        var order = new[]
        {
            "| Rule | Errors | Warnings | Notices |",
            "| [PG102](", "| [PG106](", "| [PG112](",
            "<details><summary>PG102 pip-unpinned: 1 error</summary>",
            "<details><summary>PG106 dependency-unpinned: 2 warnings</summary>",
            "<details><summary>PG112 pip-timeout-not-raised: 1 notice</summary>",
        }.Select(s => markdown.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(order, Is.All.GreaterThanOrEqualTo(0));
            Assert.That(order, Is.Ordered);
            Assert.That(markdown.Split("</details>").Length - 1, Is.EqualTo(3));
        });
    }

    [Test]
    public void Near_the_size_limit_the_open_block_is_closed_and_the_rest_counted()
    {
        var findings = Enumerable.Range(1, 200).Select(i => Finding(WarningRule, "a.yml", i, 1, i, 2, new string('m', 400)));
        var markdown = Build(Result([("a.yml", "x\n")], findings), maxBytes: 20_000);
        Assert.Multiple(() =>
        {
            Assert.That(System.Text.Encoding.UTF8.GetByteCount(markdown), Is.LessThanOrEqualTo(20_000));
            Assert.That(markdown.Split("<details>").Length, Is.EqualTo(markdown.Split("</details>").Length), "every block closed");
            Assert.That(markdown, Does.Match(@"\d+ more findings are not listed"));
        });
    }
}

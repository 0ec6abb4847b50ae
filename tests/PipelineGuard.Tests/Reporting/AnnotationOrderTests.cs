using PipelineGuard.Model;
using PipelineGuard.Reporting;
using static PipelineGuard.Tests.Reporting.ReportingFixtures;

namespace PipelineGuard.Tests.Reporting;

public sealed class AnnotationOrderTests
{
    private static readonly RuleInfo OtherWarning = new("PG110", "floating-image-tag", Severity.Warning, "floating tag");

    [Test]
    public void Errors_come_first_and_each_rule_shows_once_before_any_repeats()
    {
        var findings = FindingOrder.Sort([
            Finding(WarningRule, "a.yml", 1, 1, 1, 2),
            Finding(WarningRule, "a.yml", 2, 1, 2, 2),
            Finding(NoticeRule, "a.yml", 3, 1, 3, 2),
            Finding(OtherWarning, "z.yml", 1, 1, 1, 2),
            Finding(ErrorRule, "z.yml", 9, 1, 9, 2),
        ]);
        var ordered = AnnotationOrder.MostSevereFirst(findings, f => f);
        Assert.That(ordered.Select(f => $"{f.RuleId}@{f.Span.File}:{f.Span.Line}"), Is.EqualTo(new[]
        {
            "PG102@z.yml:9", "PG106@a.yml:1", "PG110@z.yml:1", "PG106@a.yml:2", "PG112@a.yml:3",
        }));
    }

    [Test]
    public void The_ten_error_annotations_cover_every_rule_before_repeating_one()
    {
        var other = new RuleInfo("PG104", "conda-too-old", Severity.Error, "old conda");
        var findings = Enumerable.Range(1, 12).Select(i => Finding(ErrorRule, "a.yml", i, 1, i, 2)).Append(Finding(other, "z.yml", 1, 1, 1, 2));
        var output = Run("github", Result([("a.yml", "x\n"), ("z.yml", "x\n")], findings), GitHubEnvironment()).Output;
        var errors = output.Split('\n').Where(l => l.StartsWith("::error ", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Count.EqualTo(10));
            Assert.That(errors[..2].Select(l => l[(l.IndexOf("title=", StringComparison.Ordinal) + 6)..l.IndexOf("::", 2, StringComparison.Ordinal)]),
                Is.EqualTo(new[] { "PG102 pip-unpinned", "PG104 conda-too-old" }));
        });
    }
}

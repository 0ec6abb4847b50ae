using PipelineGuard.Rules;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules;

/// <summary>
/// Every static rule's page is executable: its Bad example, checked as a repository of its own, gives the rule, and
/// its Good example gives nothing at all (a good example that trips another rule would teach a second mistake).
/// </summary>
public sealed class RulePageExampleTests
{
    private static IEnumerable<TestCaseData> Examples(string section) =>
        RuleCatalog.All.Select(r => r.Info.Id).Select(id => RulePageExample.Read(id, RuleDocs.Page(id) ?? string.Empty, section))
            .OfType<RulePageExample>()
            .Where(e => e.Files.Count > 0)
            .Select(e => new TestCaseData(e).SetName($"{e.RuleId} {section}"));

    private static IEnumerable<TestCaseData> Bad() => Examples("Bad");

    private static IEnumerable<TestCaseData> Good() => Examples("Good");

    [TestCaseSource(nameof(Bad))]
    public void The_bad_example_gives_the_rule(RulePageExample example)
    {
        var findings = Lint.Findings([.. example.Files]);
        Assert.That(findings.Select(f => f.RuleId), Does.Contain(example.RuleId), string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Span}: {f.Message}")));
    }

    [TestCaseSource(nameof(Good))]
    public void The_good_example_gives_nothing(RulePageExample example)
    {
        var findings = Lint.Findings([.. example.Files]);
        Assert.That(findings.Select(f => $"{f.RuleId} {f.Span}: {f.Message}"), Is.Empty);
    }
}

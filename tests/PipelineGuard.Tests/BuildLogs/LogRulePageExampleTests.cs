using System.Text.RegularExpressions;
using PipelineGuard.Rules;
using PipelineGuard.Tests.Rules;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>
/// Every build-log rule's page is executable: the log excerpt of its Bad example, run through the diagnoser, gives
/// the rule, and its Good example (the fixed spec, when it is one), checked as a repository, gives nothing at all.
/// Pages whose fix is a command (```bash) or prose have no Good to check.
/// </summary>
public sealed partial class LogRulePageExampleTests
{
    private static IEnumerable<string> Ids => RuleCatalog.LogRules.Select(r => r.Info.Id);

    private static IEnumerable<TestCaseData> Good() =>
        Ids.Select(id => RulePageExample.Read(id, RuleDocs.Page(id) ?? string.Empty, "Good"))
            .OfType<RulePageExample>()
            .Where(e => e.Files.Count > 0)
            .Select(e => new TestCaseData(e).SetName($"{e.RuleId} Good"));

    [TestCaseSource(nameof(Ids))]
    public void The_bad_example_log_gives_the_rule(string id)
    {
        var log = BadLog(RuleDocs.Page(id) ?? string.Empty);
        Assert.That(log, Is.Not.Null, $"docs/rules/{id}.md: no ```text log excerpt in '## Bad'");
        var findings = LogTestSupport.Analyze(log!).Findings;
        Assert.That(findings.Select(f => f.RuleId), Does.Contain(id), string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Span}: {f.Message}")));
    }

    [TestCaseSource(nameof(Good))]
    public void The_good_example_gives_nothing(RulePageExample example)
    {
        var findings = Lint.Findings([.. example.Files]);
        Assert.That(findings.Select(f => $"{f.RuleId} {f.Span}: {f.Message}"), Is.Empty);
    }

    /// <summary>The first ```text block of the page's "## Bad" section: the build log (a spec may follow it).</summary>
    private static string? BadLog(string page)
    {
        var start = page.IndexOf("\n## Bad\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = page.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        var match = TextFence().Match(end < 0 ? page[start..] : page[start..end]);
        return match.Success ? match.Groups["body"].Value.Replace("\r", string.Empty, StringComparison.Ordinal) : null;
    }

    [GeneratedRegex(@"^```text\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex TextFence();
}

using PipelineGuard.Model;
using PipelineGuard.Rules;
using PipelineGuard.Rules.Logs;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>The PG3xx catalog: IDs PG301–PG331 in order, names as in the README's rule table, a page each with the standard sections.</summary>
public sealed class LogRulesTests
{
    private static IEnumerable<string> Ids => LogRules.All.Select(r => r.Id);

    [Test]
    public void The_catalog_holds_PG301_to_PG331_in_order_with_unique_kebab_names()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Ids, Is.EqualTo(Enumerable.Range(301, 31).Select(n => $"PG{n}")));
            Assert.That(LogRules.All.Select(r => r.Name), Is.Unique.And.All.Match("^[a-z0-9]+(-[a-z0-9]+)*$"));
            Assert.That(LogRules.All.Select(r => r.DefaultSeverity), Is.All.EqualTo(Severity.Error));
            Assert.That(Ids.Intersect(RuleCatalog.All.Select(r => r.Info.Id)), Is.Empty, "log rules are not static rules");
        });
    }

    [TestCaseSource(nameof(Ids))]
    public void Every_log_rule_has_a_page_with_the_required_sections(string id)
    {
        var page = RuleDocs.Page(id);
        Assert.That(page, Is.Not.Null, $"docs/rules/{id}.md is missing");
        var info = LogRules.Find(id)!;
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.StartWith($"# {id} {info.Name}"));
            foreach (var section in new[] { "## Why", "## Bad", "## Good", "## Fix", "## Source" })
            {
                Assert.That(page, Does.Contain(section), $"{id}: no '{section}' section");
            }

            Assert.That(page, Does.Contain("**Default severity:** error"));
        });
    }

    [Test]
    public void Log_rules_are_found_by_id_or_name_in_any_case()
    {
        Assert.Multiple(() =>
        {
            Assert.That(LogRules.Find("pg303")?.Name, Is.EqualTo("pip-package-not-found"));
            Assert.That(LogRules.Find("conda-solve-timeout")?.Id, Is.EqualTo("PG317"));
            Assert.That(LogRules.Find("PG101"), Is.Null);
        });
    }
}

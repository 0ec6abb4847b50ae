using PipelineGuard.Model;
using PipelineGuard.Rules;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>The PG3xx catalog: IDs PG301–PG331 in order, names as in the README's rule table, a page each with the standard sections.</summary>
public sealed class LogRulesTests
{
    private static IEnumerable<string> Ids => RuleCatalog.LogRules.Select(r => r.Info.Id);

    [Test]
    public void The_catalog_holds_PG301_to_PG331_in_order_with_unique_kebab_names()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Ids, Is.EqualTo(Enumerable.Range(301, 31).Select(n => $"PG{n}")));
            Assert.That(RuleCatalog.LogRules.Select(r => r.Info.Name), Is.Unique.And.All.Match("^[a-z0-9]+(-[a-z0-9]+)*$"));
            Assert.That(RuleCatalog.LogRules.Select(r => r.Info.DefaultSeverity), Is.All.EqualTo(Severity.Error));
            Assert.That(Ids.Intersect(RuleCatalog.All.Select(r => r.Info.Id)), Is.Empty, "log rules are not static rules");
        });
    }

    [TestCaseSource(nameof(Ids))]
    public void Every_log_rule_has_a_page_with_the_required_sections(string id)
    {
        var page = RuleDocs.Page(id);
        Assert.That(page, Is.Not.Null, $"docs/rules/{id}.md is missing");
        var info = RuleCatalog.Find(id)!;
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
            Assert.That(RuleCatalog.Find("pg303")?.Name, Is.EqualTo("pip-package-not-found"));
            Assert.That(RuleCatalog.Find("conda-solve-timeout")?.Id, Is.EqualTo("PG317"));
            Assert.That(RuleCatalog.Find("no-such-rule"), Is.Null);
        });
    }

    [Test]
    public void Each_log_rule_is_its_own_class_found_by_the_catalogue()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RuleCatalog.LogRules.Select(r => r.Info.Id), Is.EqualTo(Ids), "one ILogRule per log rule, in ID order");
            Assert.That(RuleCatalog.LogRules.Select(r => r.GetType()), Is.Unique);
            Assert.That(RuleCatalog.Infos.Select(i => i.Id), Is.SupersetOf(Ids).And.Unique);
            Assert.That(RuleCatalog.LogRules.Where(r => r.Signatures.Count == 0).Select(r => r.Info.Id), Is.EqualTo(new[] { "PG317" }),
                "only the solve that never ends is found at the end of the log, not on a line");
        });
    }

    [Test]
    public void The_ranking_and_the_linking_read_traits_not_rule_ids()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PipelineGuard.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir!.FullName, "src", "PipelineGuard", "BuildLogs");
        var naming = Directory.GetFiles(folder, "*.cs")
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), "\"PG3[0-9]{2}\""))
            .Select(Path.GetFileName);
        Assert.That(naming, Is.Empty, "behaviour keyed by a rule's ID belongs in that rule's class (a trait or a method of ILogRule)");
    }
}

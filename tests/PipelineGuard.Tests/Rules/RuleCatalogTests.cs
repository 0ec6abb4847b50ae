using PipelineGuard.Rules;

namespace PipelineGuard.Tests.Rules;

public sealed class RuleCatalogTests
{
    private static IEnumerable<string> RuleIds => RuleCatalog.All.Select(r => r.Info.Id);

    [Test]
    public void Rule_ids_and_names_are_unique_and_well_formed()
    {
        var infos = RuleCatalog.All.Select(r => r.Info).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(infos.Select(i => i.Id), Is.Unique);
            Assert.That(infos.Select(i => i.Name), Is.Unique);
            Assert.That(infos.Select(i => i.Id), Is.All.Match("^PG[1-3][0-9]{2}$"));
            Assert.That(infos.Select(i => i.Name), Is.All.Match("^[a-z0-9]+(-[a-z0-9]+)*$"));
            Assert.That(infos.Select(i => i.Id), Is.Ordered);
        });
    }

    [Test]
    public void Every_rule_class_is_listed_once_in_id_order()
    {
        // The catalog is written out by hand (a reflection scan was slow at start-up); this is the scan, in a test.
        var classes = typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false })
            .ToList();
        var staticRules = classes.Where(t => typeof(IRule).IsAssignableFrom(t)).ToList();
        var logRules = classes.Where(t => typeof(PipelineGuard.Rules.Logs.ILogRule).IsAssignableFrom(t)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(RuleCatalog.All.Select(r => r.GetType()), Is.EquivalentTo(staticRules));
            Assert.That(RuleCatalog.LogRules.Select(r => r.GetType()), Is.EquivalentTo(logRules));
            Assert.That(RuleCatalog.All.Select(r => r.Info.Id), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(RuleCatalog.LogRules.Select(r => r.Info.Id), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        });
    }

    [TestCaseSource(nameof(RuleIds))]
    public void Every_rule_has_a_page_with_the_required_sections(string id)
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

            Assert.That(page, Does.Contain($"**Default severity:** {PipelineGuard.Model.SeverityNames.ToName(info.DefaultSeverity)}"));
        });
    }

    [Test]
    public void Rules_can_be_found_by_id_or_name_in_any_case()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RuleCatalog.Find("pg101")?.Id, Is.EqualTo("PG101"));
            Assert.That(RuleCatalog.Find("pip-unpinned")?.Id, Is.EqualTo("PG102"));
            Assert.That(RuleCatalog.Find("PG999"), Is.Null);
        });
    }

    [Test]
    public void The_readme_lists_every_rule_with_its_name_and_default_severity()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        Assert.Multiple(() =>
        {
            foreach (var info in RuleCatalog.Infos.Concat(RuleCatalog.OnlineRules))
            {
                Assert.That(readme, Does.Contain($"| [{info.Id}](docs/rules/{info.Id}.md) | {info.Name} | {PipelineGuard.Model.SeverityNames.ToName(info.DefaultSeverity)} |"), info.Id);
            }
        });
    }

    // The tests mirror the rules: a rule's tests live in one file named after its class, in the folder of its group
    // (PipelineGuard.Rules.Conda.PipNotDeclared: Rules/Conda/PipNotDeclaredTests.cs), so that a rule without tests shows.
    [Test]
    public void Every_static_rule_has_a_test_file_named_after_its_class_in_its_group_folder()
    {
        var rulesTests = Path.Combine(RepositoryRoot(), "tests", "PipelineGuard.Tests", "Rules");
        var missing = RuleCatalog.All.Select(r => r.GetType())
            .Select(t => Path.Combine(t.Namespace!.Split('.')[^1], t.Name + "Tests.cs"))
            .Where(file => !File.Exists(Path.Combine(rulesTests, file)));
        Assert.That(missing, Is.Empty);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PipelineGuard.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("no PipelineGuard.sln above " + TestContext.CurrentContext.TestDirectory);
    }
}

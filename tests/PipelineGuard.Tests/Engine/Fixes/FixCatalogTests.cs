using PipelineGuard.Engine;
using PipelineGuard.Engine.Fixes;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Rules;
using PipelineGuard.Tests.Rules;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Engine.Fixes;

/// <summary>
/// Every rule whose page's Bad example gives a fix, fixed the way <c>pipelineguard fix --write</c> does it
/// (<see cref="FixPlanner"/>, the bytes written back, the check run again, until nothing more applies): each fixed
/// finding is gone, and nothing new appears on the lines the fixes touched. The bundled examples go the same way.
/// </summary>
public sealed class FixCatalogTests
{
    /// <summary>As in <see cref="FixRecheckTests"/>: PG130's quoting lets PG118 see the unpinned range it hid.</summary>
    private static readonly (string Fixed, string Revealed)[] Deferred = [("PG130", "PG118")];

    private static IEnumerable<TestCaseData> RulesWithFixes()
    {
        foreach (var id in RuleCatalog.All.Select(r => r.Info.Id))
        {
            if (RulePageExample.Read(id, RuleDocs.Page(id) ?? string.Empty, "Bad") is { Files.Count: > 0 } bad &&
                Check(Lint.Repo([.. bad.Files])).Any(f => f.RuleId == id && f.Fix is not null))
            {
                yield return new TestCaseData(id, bad.Files.ToArray()).SetName($"{id}_is_fixed_on_its_Bad_example");
            }
        }
    }

    [Test]
    public void The_bundled_examples_are_fixed_and_checked_again_without_new_findings()
    {
        var fs = new InMemoryFileSystem("/repo");
        var root = RepositoryRootOnDisk();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "examples"), "*", SearchOption.AllDirectories))
        {
            fs.Add("/repo/" + Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllBytes(file));
        }

        var (applied, touched, before, after) = FixUntilDone(fs);
        Assert.Multiple(() =>
        {
            Assert.That(applied, Is.Not.Empty, "the examples have fixes to apply");
            Assert.That(new FixPlanner(fs).Plan(Lint.Run(fs, ".")).FixCount, Is.Zero, "nothing machine-safe is left");
            Assert.That(after.Where(f => touched.Contains((f.Span.File, f.Span.Line)) && !before.Contains(f.RuleId) && !applied.Any(a => Deferred.Contains((a.RuleId, f.RuleId))))
                .Select(f => $"{f.RuleId} {f.Span}: {f.Message}"), Is.Empty, "a fix made a new finding");
        });
    }

    [Test]
    public void The_catalog_has_fixes_of_every_rule_known_to_give_one()
    {
        var rules = RulesWithFixes().Select(t => (string)t.Arguments[0]!).ToList();
        Assert.That(rules, Is.SupersetOf(new[] { "PG102", "PG103", "PG122", "PG130", "PG132", "PG135" }));
    }

    [TestCaseSource(nameof(RulesWithFixes))]
    public void Applying_the_fixes_removes_the_findings_and_adds_none(string ruleId, (string Path, string Content)[] files)
    {
        var (applied, touched, before, after) = FixUntilDone(Lint.Repo(files));
        bool OnTouchedLine(Finding f) => touched.Contains((f.Span.File, f.Span.Line));
        Assert.Multiple(() =>
        {
            Assert.That(applied.Select(f => f.RuleId), Does.Contain(ruleId), "the rule's own fix is machine-safe");
            Assert.That(after.Where(f => f.RuleId == ruleId && f.Fix is not null && OnTouchedLine(f)).Select(f => $"{f.Span}: {f.Message}"), Is.Empty,
                $"{ruleId} still fires where its fix was applied");
            Assert.That(after.Where(f => OnTouchedLine(f) && !before.Contains(f.RuleId) && !applied.Any(a => Deferred.Contains((a.RuleId, f.RuleId))))
                .Select(f => $"{f.RuleId} {f.Span}: {f.Message}"), Is.Empty, "a fix made a new finding");
        });
    }

    /// <summary>Fixes as <c>fix --write</c> does, round after round until nothing applies: the fixes, their lines, the rules there before, and the check after.</summary>
    private static (List<Finding> Applied, HashSet<(string, int)> Touched, HashSet<string> Before, List<Finding> After) FixUntilDone(InMemoryFileSystem fs)
    {
        var original = Check(fs);
        var applied = new List<Finding>();
        for (var round = 0; round < 5; round++)
        {
            var plan = new FixPlanner(fs).Plan(Lint.Run(fs, "."));
            if (plan.FixCount == 0)
            {
                break;
            }

            foreach (var file in plan.Files)
            {
                fs.Add(file.RealPath, file.FixedBytes);
                applied.AddRange(file.Applied);
            }
        }

        var touched = applied.Select(f => (f.FixTarget.File, f.FixTarget.Line)).ToHashSet();
        var before = original.Where(f => touched.Contains((f.Span.File, f.Span.Line))).Select(f => f.RuleId).ToHashSet();
        return (applied, touched, before, Check(fs));
    }

    private static string RepositoryRootOnDisk()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PipelineGuard.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PipelineGuard.sln not found above the test directory");
    }

    private static List<Finding> Check(InMemoryFileSystem fs) =>
        [.. new Checker(fs, FixedClock.SessionDay).Run(new CheckOptions(["."])).Findings];
}

using PipelineGuard.Engine;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Rules;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules;

/// <summary>
/// A fix is proven by applying it and checking again. Over the bundled examples, every static rule page's Bad example,
/// a Python x pip grid and unquoted Dockerfile specs, every fix any rule gives is applied to the text it replaces
/// (<see cref="Finding.FixTarget"/>); the finding is gone, and no rule finds anything new on the fixed lines.
/// </summary>
public sealed class FixRecheckTests
{
    /// <summary>
    /// A rule that leaves a token to another until that one's fix is applied, by design: PG118 (an unpinned install
    /// in a Dockerfile, a warning) leaves a spec that the shell cuts at '&lt;'/'&gt;' to PG130, and judges it once quoted.
    /// The unpinned range was there before the fix; the fix only lets the shell pass it whole.
    /// </summary>
    private static readonly (string Fixed, string Revealed)[] Deferred = [("PG130", "PG118")];

    private static IEnumerable<TestCaseData> Trees()
    {
        yield return new TestCaseData("examples", Examples()).SetName("the bundled examples");
        foreach (var id in RuleCatalog.All.Select(r => r.Info.Id))
        {
            if (RulePageExample.Read(id, RuleDocs.Page(id) ?? string.Empty, "Bad") is { Files.Count: > 0 } bad)
            {
                yield return new TestCaseData($"{id} page", Lint.Repo([.. bad.Files])).SetName($"{id}'s Bad example");
            }
        }

        foreach (var python in new[] { "3.7", "3.8", "3.11", "3.12", "3.13" })
        {
            foreach (var pip in new[] { "pip", "pip>=20", "pip<20.3", "pip=21.2.4", "conda-forge::pip" })
            {
                var spec = $"channels:\n  - conda-forge\n  - defaults\ndependencies:\n  - python={python}\n  - {pip}\n  - pip:\n      - mlflow==2.17.0\n";
                yield return new TestCaseData($"python {python}, {pip}", Lint.Repo(("environment.yml", spec))).SetName($"python={python} {pip}");
            }
        }

        yield return new TestCaseData("Dockerfile", Lint.Repo(("Dockerfile",
            "FROM python:3.11.9-slim\nRUN pip install numpy>=1.26 'pandas==2.2.3' scipy<1.14\nRUN conda install -y pip<=20.1\n")))
            .SetName("unquoted specs in a Dockerfile");
    }

    [Test]
    public void The_fixtures_have_fixes_of_every_rule_that_gives_one()
    {
        var rules = Trees().SelectMany(t => Check((InMemoryFileSystem)t.Arguments[1]!)).Where(f => f.Fix is not null).Select(f => f.RuleId).ToHashSet();
        Assert.That(rules, Is.SupersetOf(new[] { "PG102", "PG103", "PG122", "PG130", "PG132", "PG135" }));
    }

    [TestCaseSource(nameof(Trees))]
    public void Every_fix_removes_its_finding_and_adds_none_on_its_lines(string name, object tree)
    {
        var fs = (InMemoryFileSystem)tree;
        var before = Check(fs);
        var fixable = before.Where(f => f.Fix is not null).ToList();
        if (name == "examples")
        {
            Assert.That(fixable, Is.Not.Empty, "the examples have fixes to apply");
        }

        Assert.Multiple(() =>
        {
            foreach (var finding in fixable)
            {
                var target = finding.FixTarget;
                var path = "/repo/" + target.File;
                var original = System.Text.Encoding.UTF8.GetString(fs.ReadAllBytes(path));
                var fixedText = Apply(original, target, finding.Fix!);
                var fixedFs = Copy(fs).Add(path, fixedText);
                var lines = Enumerable.Range(target.Line, 1 + fixedText.Split('\n').Length - original.Split('\n').Length + target.EndLine - target.Line).ToHashSet();
                bool OnFixedLines(Finding f) => f.Span.File == target.File && lines.Contains(f.Span.Line);
                var after = Check(fixedFs).Where(OnFixedLines).ToList();
                var earlier = before.Where(OnFixedLines).Select(f => f.RuleId).ToHashSet();
                var sameRuleBefore = before.Count(f => f.RuleId == finding.RuleId && OnFixedLines(f));
                Assert.That(after.Count(f => f.RuleId == finding.RuleId), Is.EqualTo(sameRuleBefore - 1), $"{finding.RuleId} at {finding.Span} after '{finding.Fix}'");
                Assert.That(after.Where(f => !earlier.Contains(f.RuleId) && !Deferred.Contains((finding.RuleId, f.RuleId))).Select(f => $"{f.RuleId}: {f.Message}"), Is.Empty,
                    $"{finding.RuleId}'s fix '{finding.Fix}' at {target} made a new finding");
            }
        });
    }

    private static List<Finding> Check(InMemoryFileSystem fs) =>
        [.. new Checker(fs, FixedClock.SessionDay).Run(new CheckOptions(["."])).Findings];

    /// <summary>Replaces the text of <paramref name="span"/> (1-based lines and columns, end exclusive) with <paramref name="replacement"/>.</summary>
    private static string Apply(string text, SourceSpan span, string replacement)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        var from = starts[span.Line - 1] + span.Column - 1;
        var to = starts[span.EndLine - 1] + span.EndColumn - 1;
        return text[..from] + replacement + text[to..];
    }

    private static InMemoryFileSystem Copy(InMemoryFileSystem fs)
    {
        var copy = new InMemoryFileSystem("/repo");
        foreach (var path in fs.AllFiles)
        {
            copy.Add(path, fs.ReadAllBytes(path));
        }

        return copy;
    }

    /// <summary>The bundled examples, copied into memory so that fixes can be applied without touching the repository.</summary>
    private static InMemoryFileSystem Examples()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PipelineGuard.sln")))
        {
            dir = dir.Parent;
        }

        var root = dir?.FullName ?? throw new InvalidOperationException("PipelineGuard.sln not found above the test directory");
        var fs = new InMemoryFileSystem("/repo");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "examples"), "*", SearchOption.AllDirectories))
        {
            fs.Add("/repo/" + Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllBytes(file));
        }

        return fs;
    }
}

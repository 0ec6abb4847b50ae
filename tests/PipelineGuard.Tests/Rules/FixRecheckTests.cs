using PipelineGuard.Engine;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules;

/// <summary>
/// A fix is proven by applying it and checking again: over the bundled examples and a set of fixtures, every fix of
/// the rules whose fix replaces exactly the finding's span is applied; the finding is gone, and no other rule finds
/// anything new on that line.
/// </summary>
public sealed class FixRecheckTests
{
    /// <summary>Rules whose <see cref="Finding.Fix"/> is the replacement text of <see cref="Finding.Span"/>.</summary>
    private static readonly string[] SpanFixRules = ["PG102", "PG103", "PG130", "PG135"];

    /// <summary>
    /// A rule that leaves a token to another until that one's fix is applied, by design: PG118 (an unpinned install
    /// in a Dockerfile, a warning) leaves a spec that the shell cuts at '&lt;'/'&gt;' to PG130, and judges it once quoted.
    /// The unpinned range was there before the fix; the fix only lets the shell pass it whole.
    /// </summary>
    private static readonly (string Fixed, string Revealed)[] Deferred = [("PG130", "PG118")];

    private static IEnumerable<TestCaseData> Trees()
    {
        yield return new TestCaseData("examples", Examples()).SetName("the bundled examples");
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

    [TestCaseSource(nameof(Trees))]
    public void Every_span_fix_removes_its_finding_and_adds_none_on_its_line(string name, object tree)
    {
        var fs = (InMemoryFileSystem)tree;
        var before = Check(fs);
        var fixable = before.Where(f => SpanFixRules.Contains(f.RuleId) && f.Fix is not null && f.Span.Line == f.Span.EndLine).ToList();
        if (name == "examples")
        {
            Assert.That(fixable, Is.Not.Empty, "the examples have fixes to apply");
        }

        Assert.Multiple(() =>
        {
            foreach (var finding in fixable)
            {
                var path = "/repo/" + finding.Span.File;
                var original = System.Text.Encoding.UTF8.GetString(fs.ReadAllBytes(path));
                var fixedFs = Copy(fs).Add(path, Apply(original, finding.Span, finding.Fix!));
                var after = Check(fixedFs).Where(f => f.Span.File == finding.Span.File && f.Span.Line == finding.Span.Line).ToList();
                var earlier = before.Where(f => f.Span.File == finding.Span.File && f.Span.Line == finding.Span.Line).Select(f => f.RuleId).ToHashSet();
                var sameRuleBefore = before.Count(f => f.RuleId == finding.RuleId && f.Span.File == finding.Span.File && f.Span.Line == finding.Span.Line);
                Assert.That(after.Count(f => f.RuleId == finding.RuleId), Is.EqualTo(sameRuleBefore - 1), $"{finding.RuleId} at {finding.Span} after '{finding.Fix}'");
                Assert.That(after.Where(f => !earlier.Contains(f.RuleId) && !Deferred.Contains((finding.RuleId, f.RuleId))).Select(f => $"{f.RuleId}: {f.Message}"), Is.Empty,
                    $"{finding.RuleId}'s fix '{finding.Fix}' at {finding.Span} made a new finding");
            }
        });
    }

    private static List<Finding> Check(InMemoryFileSystem fs) =>
        [.. new Checker(fs, FixedClock.SessionDay).Run(new CheckOptions(["."])).Findings];

    private static string Apply(string text, SourceSpan span, string replacement)
    {
        var lines = text.Split('\n');
        var line = lines[span.Line - 1];
        lines[span.Line - 1] = line[..(span.Column - 1)] + replacement + line[(span.EndColumn - 1)..];
        return string.Join('\n', lines);
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

using System.Diagnostics;
using System.Text;
using PipelineGuard.Engine.Fixes;
using PipelineGuard.IO;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Engine.Fixes;

/// <summary>The diff of <c>fix</c> is checked by the real <c>git apply --check</c>, then applied, on a copy of the files.</summary>
public sealed class UnifiedPatchTests
{
    private const string OldPip = "# the training image\nchannels: [conda-forge]  # one channel\ndependencies:\n  - python=3.12.7\n  - pip=20.2.4  # pinned for the CI\n  - pip:\n      - requests==2.32.3\n";

    private static IEnumerable<TestCaseData> Files()
    {
        yield return new TestCaseData(OldPip).SetName("LF");
        yield return new TestCaseData(OldPip.Replace("\n", "\r\n", StringComparison.Ordinal)).SetName("CRLF");
        yield return new TestCaseData("\uFEFF" + OldPip).SetName("UTF-8 with a BOM");
        yield return new TestCaseData(OldPip.TrimEnd('\n')).SetName("no line end at the end of the file");
        yield return new TestCaseData("channels: [conda-forge]\ndependencies:\n  - python=3.12.7\n  - pip=20.2.4").SetName("the fix on the last line, without a line end");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("# padding\n", 20)) + OldPip + string.Concat(Enumerable.Repeat("# more\n", 20))).SetName("a hunk in the middle");
    }

    [TestCaseSource(nameof(Files))]
    public void Git_apply_accepts_the_diff_and_it_gives_the_fixed_file(string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var fs = new InMemoryFileSystem("/repo").Add("/repo/envs/env.yml", bytes);
        var patch = new FixPlanner(fs).Plan(Lint.Run(fs)).Files.Single();
        var diff = UnifiedPatch.Of(patch);
        Assert.That(diff, Does.StartWith("--- a/envs/env.yml\n+++ b/envs/env.yml\n@@ -"));

        var dir = Directory.CreateTempSubdirectory("pg-fix-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "envs"));
            File.WriteAllBytes(Path.Combine(dir.FullName, "envs", "env.yml"), bytes);
            File.WriteAllText(Path.Combine(dir.FullName, "fix.patch"), diff, new UTF8Encoding(false));
            Git(dir.FullName, "init", "-q");
            Git(dir.FullName, "apply", "--check", "fix.patch");
            Git(dir.FullName, "apply", "fix.patch");
            Assert.That(File.ReadAllBytes(Path.Combine(dir.FullName, "envs", "env.yml")), Is.EqualTo(patch.FixedBytes));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void Two_fixes_far_apart_make_two_hunks_and_near_ones_one()
    {
        var lines = string.Concat(Enumerable.Range(1, 30).Select(i => $"line {i}\n"));
        var patch = new FilePatch("env.yml", "env.yml", "/repo/env.yml", TextFileEncoding.Of([]), lines, lines, [
            new FixEdit(null!, lines.IndexOf("line 2\n", StringComparison.Ordinal), lines.IndexOf("line 2\n", StringComparison.Ordinal) + 6, "LINE 2"),
            new FixEdit(null!, lines.IndexOf("line 8\n", StringComparison.Ordinal), lines.IndexOf("line 8\n", StringComparison.Ordinal) + 6, "LINE 8"),
            new FixEdit(null!, lines.IndexOf("line 25\n", StringComparison.Ordinal), lines.IndexOf("line 25\n", StringComparison.Ordinal) + 7, "LINE 25"),
        ]);
        var diff = UnifiedPatch.Of(patch);
        Assert.That(diff.Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)), Is.EqualTo(new[] { "@@ -1,11 +1,11 @@", "@@ -22,7 +22,7 @@" }));
    }

    private static void Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"git {string.Join(' ', args)}: {error}");
    }
}

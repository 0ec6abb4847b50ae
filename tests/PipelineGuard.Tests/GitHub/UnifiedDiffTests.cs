using PipelineGuard.GitHub.Diff;

namespace PipelineGuard.Tests.GitHub;

public sealed class UnifiedDiffTests
{
    [Test]
    public void Api_patch_with_context_gives_the_new_numbers_of_added_lines()
    {
        const string patch = "@@ -1,4 +1,5 @@\n channels:\n-  - defaults\n+  - conda-forge\n+  - nodefaults\n dependencies:\n   - python=3.11\n@@ -20,3 +21,3 @@ name: env\n   - pip:\n-      - torch\n+      - torch==2.3.1\n \\ No newline at end of file";
        Assert.That(UnifiedDiff.AddedLines(patch), Is.EquivalentTo(new[] { 2, 3, 22 }));
    }

    [Test]
    public void Git_diff_with_zero_context_reads_every_file_and_skips_deleted_ones()
    {
        const string output = """
            diff --git a/envs/conda.yml b/envs/conda.yml
            index 1..2 100644
            --- a/envs/conda.yml
            +++ b/envs/conda.yml
            @@ -3,0 +4,2 @@ dependencies:
            +  - pip
            +  - numpy
            @@ -10 +12 @@
            -  - old
            +  - new
            @@ -15,2 +16,0 @@
            -  - gone
            -  - gone too
            diff --git a/old.txt b/old.txt
            deleted file mode 100644
            --- a/old.txt
            +++ /dev/null
            @@ -1 +0,0 @@
            -x
            diff --git a/new requirements.txt b/new requirements.txt
            new file mode 100644
            --- /dev/null
            +++ b/new requirements.txt
            @@ -0,0 +1,2 @@
            +torch
            +++weird-but-added
            """;
        var changed = UnifiedDiff.ParseGitDiff(output.Replace("\r", string.Empty, StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(changed.LinesOf("envs/conda.yml"), Is.EquivalentTo(new[] { 4, 5, 12 }));
            Assert.That(changed.LinesOf("new requirements.txt"), Is.EquivalentTo(new[] { 1, 2 }));
            Assert.That(changed.Files, Is.EquivalentTo(new[] { "envs/conda.yml", "new requirements.txt" }));
        });
    }

    [TestCase("@@ -1,2 +3,4 @@", true, 3)]
    [TestCase("@@ -1 +17 @@ def f():", true, 17)]
    [TestCase("@@ garbage @@", false, 0)]
    public void Hunk_header_gives_the_new_start(string header, bool ok, int start)
    {
        Assert.That(UnifiedDiff.TryReadNewStart(header, out var value), Is.EqualTo(ok));
        Assert.That(value, Is.EqualTo(start));
    }

    [Test]
    public void Bad_or_huge_input_never_throws_and_stays_fast()
    {
        var huge = "@@ -1 +1 @@\n" + string.Concat(Enumerable.Repeat("+x\n", 100_000));
        Assert.Multiple(() =>
        {
            Assert.That(UnifiedDiff.AddedLines(null), Is.Empty);
            Assert.That(UnifiedDiff.AddedLines("+not in a hunk\n@@ nonsense"), Is.Empty);
            Assert.That(UnifiedDiff.AddedLines(huge), Has.Count.EqualTo(100_000));
        });
    }
}

using System.Text.RegularExpressions;
using PipelineGuard.Fuzz;
using PipelineGuard.Tests.Reporting;

namespace PipelineGuard.Tests.Fuzz;

/// <summary>
/// Keeps the fuzz harness from rotting between campaigns: run.sh and the CI workflow name exactly the harness's
/// targets, and each target has seeds and reads one of them without AFL.
/// </summary>
public sealed partial class FuzzHarnessTests
{
    private static readonly string Root = GoldenFileTests.RepositoryRoot();

    private static IEnumerable<string> TargetNames() => FuzzTargets.All.Select(t => t.Name);

    [Test]
    public void Run_sh_lists_exactly_the_harness_targets()
    {
        var script = File.ReadAllText(Path.Combine(Root, "tools", "fuzz", "run.sh"));
        var match = TargetsLine().Match(script);
        Assert.That(match.Success, Is.True, "run.sh has no TARGETS=\"...\" line");
        Assert.That(match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(TargetNames()));
    }

    [Test]
    public void The_fuzz_workflow_runs_every_target()
    {
        var workflow = File.ReadAllText(Path.Combine(Root, ".github", "workflows", "fuzz.yml"));
        var match = WorkflowTargets().Match(workflow);
        Assert.That(match.Success, Is.True, "fuzz.yml has no 'target: [...]' matrix");
        var names = match.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(names, Is.EquivalentTo(TargetNames()));
    }

    [TestCaseSource(nameof(TargetNames))]
    public void Target_reads_its_first_seed(string name)
    {
        var target = FuzzTargets.Find(name)!;
        var seeds = SeedCorpus.Collect(name, Root).ToList();
        Assert.That(seeds, Is.Not.Empty, $"no seeds for {name}");
        Assert.That(() => target.Run(seeds[0].Bytes), Throws.Nothing);
    }

    [Test]
    public void An_unknown_target_is_not_found() => Assert.That(FuzzTargets.Find("no-such-reader"), Is.Null);

    [GeneratedRegex("""^TARGETS="([^"]*)"$""", RegexOptions.Multiline)]
    private static partial Regex TargetsLine();

    [GeneratedRegex(@"^\s*target:\s*\[([^\]]*)\]", RegexOptions.Multiline)]
    private static partial Regex WorkflowTargets();
}

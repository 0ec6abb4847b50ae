using BenchmarkDotNet.Attributes;
using PipelineGuard.Diagnosis;
using PipelineGuard.Discovery;
using PipelineGuard.Documents.Tree;
using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Rules;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Bench.Micro;

/// <summary>
/// The hot paths of a check, each on its own: YAML read, requirement parse, every rule on a workspace, and a log scan.
/// Run with <c>dotnet run -c Release --project bench/PipelineGuard.Bench -- micro</c> (BenchmarkDotNet; minutes).
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private SourceText _conda = null!;
    private Workspace _workspace = null!;
    private byte[] _log = null!;

    [GlobalSetup]
    public void Setup()
    {
        _conda = new SourceText("conda.yml", MicroCorpus.CondaFile);
        _workspace = new WorkspaceBuilder(MicroCorpus.Repository(100)).Build(["/repo"]);
        _log = MicroCorpus.Log(8);
    }

    /// <summary>One conda file through the YAML reader (tree with exact positions).</summary>
    [Benchmark]
    public object YamlRead() => YamlTreeReader.Read(_conda);

    /// <summary>Eleven requirement lines of every shape through the PEP 508 parser itself (not its per-run memo).</summary>
    [Benchmark]
    public int RequirementParse()
    {
        var parsed = 0;
        foreach (var line in MicroCorpus.Requirements)
        {
            parsed += RequirementParser.TryParse(line, out _, out _) ? 1 : 0;
        }

        return parsed;
    }

    /// <summary>Every static rule on a workspace of 100 conda files.</summary>
    [Benchmark]
    public int RuleRun()
    {
        var context = RuleContext.Of(_workspace);
        return RuleCatalog.All.Sum(rule => rule.Check(context).Count());
    }

    /// <summary>An 8 MB generated build log through the diagnoser (read, prefilter, rules, ranking).</summary>
    [Benchmark]
    public int LogScan()
    {
        using var stream = new MemoryStream(_log, writable: false);
        return BuildLogDiagnoser.Analyze(stream, "build.log").Findings.Count;
    }
}

using PipelineGuard.Discovery;
using PipelineGuard.Engine;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Reporting;

namespace PipelineGuard.Cli;

/// <summary>Reads and writes the baseline file (paths relative to the working directory).</summary>
internal static class BaselineFile
{
    public static Baseline Read(CliConsole console, string path)
    {
        var full = new NamedFileGuard(console.FileSystem).Allow(Path.GetFullPath(Path.Combine(console.FileSystem.CurrentDirectory, path)), path);
        if (!console.FileSystem.FileExists(full))
        {
            throw new UsageException($"{path}: baseline file not found (write one with --write-baseline {path})");
        }

        try
        {
            return Baseline.Parse(TextDecoder.Decode(console.FileSystem.ReadAllBytes(full)).Text, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read the baseline: {e.Message}");
        }
    }

    /// <summary>Records every finding of the run before suppression by the baseline (inline suppressions still apply); returns how many.</summary>
    public static int Write(CheckResult result, string path, CliConsole console)
    {
        var recorded = result.Findings.Concat(result.SuppressedFindings.Where(s => s.Kind == SuppressionKind.Baseline).Select(s => s.Finding));
        var baseline = Baseline.From(FindingOrder.Sort(recorded), result.Source);
        try
        {
            var full = Path.GetFullPath(Path.Combine(console.FileSystem.CurrentDirectory, path));
            console.FileSystem.WriteAllText(new NamedFileGuard(console.FileSystem).Allow(full, path), baseline.ToJson());
            return baseline.Entries.Count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {path}: {e.Message}");
        }
    }
}

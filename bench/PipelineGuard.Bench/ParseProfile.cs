using System.Diagnostics;
using PipelineGuard.Documents.Docker;
using PipelineGuard.Documents.Pip;
using PipelineGuard.Documents.Tree;
using PipelineGuard.IO;
using PipelineGuard.Model;

namespace PipelineGuard.Bench;

/// <summary>Decoding and one reader alone on a file (chosen by its name), apart from discovery and rules.</summary>
internal static class ParseProfile
{
    public static int Run(string path)
    {
        var clock = Stopwatch.StartNew();
        var (content, _) = TextDecoder.Decode(File.ReadAllBytes(path));
        var source = new SourceText(Path.GetFileName(path), content);
        Console.WriteLine($"{"decode + line table",-24} {clock.Elapsed.TotalMilliseconds,10:0.0} ms");
        clock.Restart();
        var name = Path.GetFileName(path);
        var problems = name switch
        {
            _ when name.Contains("Dockerfile", StringComparison.OrdinalIgnoreCase) => DockerfileReader.Read(source).Problems.Length,
            _ when name.EndsWith(".txt", StringComparison.Ordinal) => RequirementsFileReader.Read(source).Problems.Count,
            _ when name.EndsWith(".json", StringComparison.Ordinal) => JsonTreeReader.Read(source).Failed ? 1 : 0,
            _ => YamlTreeReader.Read(source).Failed ? 1 : 0,
        };
        Console.WriteLine($"{"read",-24} {clock.Elapsed.TotalMilliseconds,10:0.0} ms, {problems} problems, " +
            $"GC heap {GC.GetTotalMemory(false) / (1024 * 1024)} MB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        return 0;
    }
}

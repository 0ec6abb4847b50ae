using System.IO.Compression;
using System.Text;
using PipelineGuard.Diagnosis;
using PipelineGuard.Environments;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>Runs the diagnoser on text, files and generated streams.</summary>
internal static class LogTestSupport
{
    public static string TestData(params string[] parts) =>
        Path.Combine([TestContext.CurrentContext.TestDirectory, "TestData", .. parts]);

    public static LogDiagnosis Analyze(string text, Workspace? workspace = null, string path = "build.log")
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return BuildLogDiagnoser.Analyze(stream, path, workspace);
    }

    public static LogDiagnosis AnalyzeFile(string file, Workspace? workspace = null)
    {
        using var stream = File.OpenRead(file);
        return BuildLogDiagnoser.Analyze(stream, Path.GetFileName(file), workspace);
    }

    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            gzip.Write(bytes, 0, bytes.Length);
        }

        return buffer.ToArray();
    }

    /// <summary>The log as another generation would write it: every line prefixed by that generation's timestamps.</summary>
    public static string InGeneration(string text, LogGeneration generation)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var prefix = generation switch
        {
            LogGeneration.AcrTasks => "2020/05/24 04:28:33 ",
            LogGeneration.Serverless => "2024-09-05T15:26:38: ",
            LogGeneration.AzureDevOps => "2024-09-16T14:54:17.8090937Z 2024-09-16T14:52:52: ",
            _ => string.Empty,
        };
        return string.Join('\n', lines.Select((l, i) => i == lines.Length - 1 && l.Length == 0 ? l : prefix + l));
    }

    /// <summary>"PG303@12" for each root cause.</summary>
    public static string[] Roots(this LogDiagnosis diagnosis) =>
        [.. diagnosis.RootCauses.Select(s => $"{s.Rule.Id}@{s.Line.Number}")];

    public static string[] RootRules(this LogDiagnosis diagnosis) =>
        [.. diagnosis.RootCauses.Select(s => s.Rule.Id)];
}

public enum LogGeneration
{
    Plain,
    AcrTasks,
    Serverless,
    AzureDevOps,
}

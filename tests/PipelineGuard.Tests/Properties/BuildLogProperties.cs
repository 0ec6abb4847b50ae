using System.IO.Compression;
using System.Text;
using CsCheck;
using PipelineGuard.Diagnosis;
using static PipelineGuard.Tests.Properties.PropertyGen;

namespace PipelineGuard.Tests.Properties;

/// <summary>
/// The build-log reader and diagnoser on logs spliced from the fixture logs' lines: never throws, every finding points
/// at a line of the input, and the same log gives the same findings compressed, with CRLF line ends or read twice.
/// </summary>
public sealed class BuildLogProperties
{
    private static readonly string[] Prefixes =
        ["", "", "", "2020/05/24 04:28:33 ", "2024-09-05T15:26:38: ", "#7 12.34 ", "\u001b[31m", "Step 3/7 : ", "> ", "\t"];

    private static readonly Lazy<Gen<string>> Logs = new(() =>
    {
        var folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "logs");
        var lines = Directory.EnumerateFiles(folder, "*.log").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        // A line as logged, now and then cut short (a log truncated mid-line) or followed by junk.
        var line = Gen.Select(
            Gen.OneOf(Prefixes), Gen.OneOf(lines), Gen.Int[0, 9], Gen.Int[0, 200], Gen.String[0, 12],
            (prefix, logged, kind, cut, junk) => prefix + kind switch
            {
                0 => logged[..Math.Min(cut, logged.Length)],
                1 => logged + junk,
                _ => logged,
            });
        return line.Array[0, 30].Select(ls => string.Join('\n', ls));
    });

    [Test]
    public void Never_throws_and_every_finding_points_at_a_line_of_the_log() =>
        Logs.Value.Sample(text =>
        {
            var diagnosis = Analyze(Encoding.UTF8.GetBytes(text));
            Require(diagnosis.Read.Error is null, $"read error: {diagnosis.Read.Error}");
            var lines = text.Length == 0 ? 0 : text.Split('\n').Length;
            foreach (var finding in diagnosis.Findings)
            {
                var span = finding.Span;
                Require(span.File == "build.log", $"finding names '{span.File}'");
                Require(span.Line >= 1 && span.Line <= Math.Max(1, lines) && span.EndLine >= span.Line && span.EndLine <= Math.Max(1, lines),
                    $"{finding.RuleId} at {span} is outside lines 1..{lines}");
            }
        }, iter: 300);

    [Test]
    public void Gzip_crlf_and_a_second_reading_give_the_same_findings() =>
        Logs.Value.Sample(text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var plain = Summary(Analyze(bytes));
            Require(Summary(Analyze(bytes)) == plain, "a second reading differs");
            Require(Summary(Analyze(Gzip(bytes))) == plain, "the gzip log gives other findings");
            Require(Summary(Analyze(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)))) == plain, "the CRLF log gives other findings");
        }, iter: 120);

    private static LogDiagnosis Analyze(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return BuildLogDiagnoser.Analyze(stream, "build.log");
    }

    private static string Summary(LogDiagnosis diagnosis) =>
        string.Join('\n', diagnosis.Findings.Select(f => $"{f.RuleId} {f.Severity} {f.Span} {f.Message}"));

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }
}

using PipelineGuard.BuildLogs;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Diagnosis;

/// <summary>
/// Reads an image-build log (Azure ML's 20_image_build_log.txt, a serverless build log, an ACR task log, local
/// <c>docker build</c> output, or bare conda/pip output; plain or gzip; any size) and reports the root cause of each failing
/// step as an error and the other recognised signatures as notices (rules PG301–PG331). Each finding's
/// <see cref="Finding.Span"/> is the log line; <c>Related[0]</c>, when present, is the spec line the log points to
/// (see docs/build-logs.md for how CI formats use it). Never throws on bad input.
/// </summary>
internal static class BuildLogDiagnoser
{
    public static IReadOnlyList<Finding> Diagnose(Stream log, string logDisplayPath, Workspace workspace) =>
        Analyze(log, logDisplayPath, workspace).Findings;

    /// <param name="log">The log; gzip is detected. Not closed.</param>
    /// <param name="logDisplayPath">The path findings name (relative, '/' separators; "-" for standard input).</param>
    /// <param name="workspace">The specs to link findings to; null for none.</param>
    /// <param name="exhaustive">Test hook: search every keyword on every line instead of the two-stage prefilter.</param>
    public static LogDiagnosis Analyze(Stream log, string logDisplayPath, Workspace? workspace = null, bool exhaustive = false)
    {
        var steps = new BuildSteps();
        var store = new SignalStore();
        var context = new LogContext(store, steps);
        var scanner = new LogScanner(context) { Exhaustive = exhaustive };
        LogReadSummary read;
        try
        {
            using var input = LogStreams.Decompressed(log);
            read = LogLineReader.Read(input, scanner.OnLine, exhaustive ? null : SignatureKeywords.AnchorValues);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            read = new LogReadSummary(scanner.LastLine, 0, 0, e.Message);
        }

        context.EndCapture();
        LogRuleSet.AtEnd(context);
        var ranked = RootCauseAnalyzer.Rank(store.All, steps);
        var linker = workspace is null ? null : new SpecLinker(workspace);
        var findings = ranked.Select(r => ToFinding(r, logDisplayPath, linker)).ToList();
        return new LogDiagnosis(FindingOrder.Sort(findings), ranked, read, steps.BuildFailed);
    }

    private static Finding ToFinding(RankedSignal ranked, string path, SpecLinker? linker)
    {
        var signal = ranked.Signal;
        var finding = new Finding(signal.Rule, ranked.Severity, signal.Message, signal.Line.SpanIn(path), signal.Fix);
        return linker is null ? finding : finding with { Related = linker.Link(signal) };
    }
}

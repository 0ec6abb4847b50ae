using PipelineGuard.BuildLogs;
using PipelineGuard.Discovery;
using PipelineGuard.Engine;
using PipelineGuard.Model;
using PipelineGuard.Reporting;

namespace PipelineGuard.Cli;

internal static class CheckCommand
{
    public static int Run(CheckVerb verb, IReadOnlyList<FormatRequest> requests, CliConsole console)
    {
        var failOn = ParseFailOn(verb.FailOn);
        var outputs = ResolveOutputs(requests, console);
        var result = new Checker(console.FileSystem).Run(new CheckOptions([.. verb.Paths], failOn));
        result = WithBuildLogs(result, verb.BuildLogs, console);
        foreach (var (reporter, path) in outputs)
        {
            if (path is null)
            {
                reporter.Write(result, console.Out);
                continue;
            }

            try
            {
                using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
                reporter.Write(result, writer);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot write {path}: {e.Message}");
            }
        }

        return result.Failed ? ExitCodes.Findings : ExitCodes.Clean;
    }

    /// <summary>Diagnoses each <c>--build-log</c> against the checked workspace and merges its findings (docs/build-logs.md).</summary>
    private static CheckResult WithBuildLogs(CheckResult result, IEnumerable<string> logs, CliConsole console)
    {
        var findings = new List<Finding>();
        foreach (var log in logs)
        {
            using var stream = OpenLog(log, console.FileSystem, out var display);
            findings.AddRange(BuildLogDiagnoser.Diagnose(stream, display, result.Workspace));
        }

        return findings.Count == 0 ? result : result with { Findings = Checker.Order(result.Findings.Concat(findings)) };
    }

    private static Stream OpenLog(string log, IO.IFileSystem fs, out string display)
    {
        if (log == "-")
        {
            display = "-";
            return Console.OpenStandardInput();
        }

        var full = Path.GetFullPath(log, fs.CurrentDirectory);
        display = PathUtil.Display(full, fs.CurrentDirectory);
        try
        {
            // Stream real files (logs can be gigabytes); the in-memory file system of the tests has no streams.
            return fs is IO.PhysicalFileSystem
                ? new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)
                : new MemoryStream(fs.ReadAllBytes(full));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--build-log: cannot read {log}: {e.Message}");
        }
    }

    private static Severity? ParseFailOn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Severity.Error;
        }

        if (text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return SeverityNames.TryParse(text, out var severity)
            ? severity
            : throw new UsageException($"--fail-on: '{text}' is not one of error, warning, notice, none");
    }

    private static List<(IReporter Reporter, string? Path)> ResolveOutputs(IReadOnlyList<FormatRequest> requests, CliConsole console)
    {
        if (requests.Count == 0)
        {
            requests = [new FormatRequest(string.Empty, null)];
        }

        var result = new List<(IReporter, string?)>();
        foreach (var request in requests)
        {
            var format = request.Format.Length == 0 ? "text" : request.Format.Trim().ToLowerInvariant();
            var colour = request.Output is null && console.OutputIsTerminal && string.IsNullOrEmpty(console.GetEnvironmentVariable("NO_COLOR"));
            var reporter = ReporterFactory.Create(format, new ReporterOptions(colour, console.GetEnvironmentVariable))
                ?? throw new UsageException($"--format: '{request.Format}' is not one of {string.Join(", ", ReporterFactory.Formats)}");
            result.Add((reporter, request.Output));
        }

        if (result.Count(r => r.Item2 is null) > 1)
        {
            throw new UsageException("only one --format may go to standard output; give the others an --output FILE");
        }

        return result;
    }
}

using PipelineGuard.Discovery;
using PipelineGuard.Engine;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Reporting;

namespace PipelineGuard.Cli;

internal static class CheckCommand
{
    public static int Run(CheckVerb verb, IReadOnlyList<FormatRequest> requests, IReadOnlyList<string> buildLogs, CliConsole console)
    {
        var flags = Flags(verb);
        if (verb.ShowConfig)
        {
            return ConfigCommand.Run(verb.Config, flags, console);
        }

        var (settings, _) = SettingsResolver.Load(console, verb.Config, flags);
        var outputs = ResolveOutputs(requests, settings, console, verb.Verbose);
        var baseline = verb.Baseline is { } baselinePath ? BaselineFile.Read(console, baselinePath) : null;
        var progress = new ProgressIndicator(console.Error, ErrorIsTerminal(console), console.Clock ?? TimeProvider.System);
        var notices = new List<string>();
        var result = new Checker(console.FileSystem, console.Clock).Run(
            new CheckOptions([.. verb.Paths], settings.FailOn)
            {
                Settings = settings,
                Baseline = baseline,
                BuildLogs = BuildLogs(buildLogs, console),
                Progress = progress.Report,
                ExtraFindings = settings.OnlineEnabled || settings.OnlineOffline ? workspace => OnlineStep.Run(workspace, settings, console, progress.Report, notices) : null,
            });
        progress.Finish();
        foreach (var notice in notices)
        {
            // Not a finding: an index that did not answer never changes the exit code (docs/online.md, "Failure policy").
            console.Error.WriteLine("pipelineguard: " + notice);
        }

        if (verb.WriteBaseline is { } writePath)
        {
            // Adoption runs `check --write-baseline F && git add F`: record, say so, succeed; the findings are in F.
            var written = BaselineFile.Write(result, writePath, console);
            console.Out.WriteLine($"wrote {written} finding{(written == 1 ? string.Empty : "s")} to {writePath}");
            return ExitCodes.Clean;
        }

        if (result.Files == 0 && buildLogs.Count == 0)
        {
            console.Error.WriteLine("pipelineguard: " + NoEnvironmentFiles.Message(verb.Paths));
        }

        if (GitHubStep.Requested(verb))
        {
            result = GitHubStep.Run(verb, result, outputs.Where(o => o.Path is null).Select(o => o.Reporter), console);
        }

        if (verb.AzureReposThreads)
        {
            AzureReposStep.Run(result, outputs.Where(o => o.Path is null).Select(o => o.Reporter), console);
        }

        foreach (var (reporter, path) in outputs)
        {
            if (path is null)
            {
                reporter.Write(result, console.Out);
                continue;
            }

            try
            {
                // Through the injected file system, relative to the working directory it checks.
                using var writer = new StringWriter();
                reporter.Write(result, writer);
                // A link planted in the pull request must not redirect the report out of the repository or into .git.
                var full = new NamedFileGuard(console.FileSystem).Allow(Path.GetFullPath(path, console.FileSystem.CurrentDirectory), path);
                console.FileSystem.WriteAllText(full, writer.ToString());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot write {path}: {e.Message}");
            }
        }

        return result.Failed ? ExitCodes.Findings : ExitCodes.Clean;
    }

    /// <summary>Each <c>--build-log</c> as an input of the run; the engine diagnoses it against the checked workspace (docs/build-logs.md).</summary>
    private static List<BuildLogInput> BuildLogs(IReadOnlyList<string> logs, CliConsole console)
    {
        var inputs = new List<BuildLogInput>();
        foreach (var log in logs)
        {
            // Open once now, so a missing log is a usage error before any work; the engine reads it as a stream.
            var stream = OpenLog(log, console, out var display);
            inputs.Add(new BuildLogInput(display, () => stream));
        }

        return inputs;
    }

    private static Stream OpenLog(string log, CliConsole console, out string display)
    {
        var fs = console.FileSystem;
        if (log == "-")
        {
            display = "-";
            return console.OpenStandardInput();
        }

        var full = Path.GetFullPath(log, fs.CurrentDirectory);
        display = PathUtil.Display(full, fs.CurrentDirectory);
        full = new NamedFileGuard(fs).Allow(full, "--build-log " + log);
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

    /// <summary>The command-line layer of the settings (the last and strongest).</summary>
    public static Dictionary<string, string?> Flags(CheckVerb verb) => new(StringComparer.Ordinal)
    {
        [Configuration.SettingKeys.FailOn] = verb.FailOn,
        [Configuration.SettingKeys.Select] = verb.SelectedRules.Count > 0 ? string.Join(',', verb.SelectedRules) : null,
        [Configuration.SettingKeys.Ignore] = verb.IgnoredRules.Count > 0 ? string.Join(',', verb.IgnoredRules) : null,
        [Configuration.SettingKeys.OnlineEnabled] = verb.Online || verb.Offline ? "true" : null,
        [Configuration.SettingKeys.OnlineOffline] = verb.Offline ? "true" : null,
    };

    /// <summary>Standard error of this process, on a terminal (a test's writer never is).</summary>
    private static bool ErrorIsTerminal(CliConsole console) => console.ErrorIsTerminal;

    private static List<(IReporter Reporter, string? Path)> ResolveOutputs(IReadOnlyList<FormatRequest> requests, Configuration.Settings settings, CliConsole console, bool verbose)
    {
        // The configuration's `format`/`output` (else auto-detection) is the report for standard output when the
        // command line names no format, or only formats that go to files (the action's `sarif-file` input).
        if (requests.All(r => r.Output is not null))
        {
            requests = [new FormatRequest(settings.Format ?? string.Empty, settings.Output), .. requests];
        }

        var result = new List<(IReporter, string?)>();
        var sarifFile = requests.FirstOrDefault(r => ReporterFactory.Resolve(r.Format, console.GetEnvironmentVariable) == "sarif" && r.Output is not null)?.Output;
        foreach (var request in requests)
        {
            // No --format (or "auto"): github under GitHub Actions, azure under Azure Pipelines, else text.
            var format = ReporterFactory.Resolve(request.Format, console.GetEnvironmentVariable);
            var colour = request.Output is null && console.OutputIsTerminal && string.IsNullOrEmpty(console.GetEnvironmentVariable("NO_COLOR"));
            var options = new ReporterOptions(colour, console.GetEnvironmentVariable)
            {
                WorkingDirectory = console.FileSystem.CurrentDirectory,
                AppendToFile = (path, text) => File.AppendAllText(path, text, new System.Text.UTF8Encoding(false)),
                SarifFile = sarifFile,
                Verbose = verbose,
            };
            var reporter = ReporterFactory.Create(format, options)
                ?? throw new UsageException($"--format: '{request.Format}' is not one of auto, {string.Join(", ", ReporterFactory.Formats)}");
            result.Add((reporter, request.Output));
        }

        if (result.Count(r => r.Item2 is null) > 1)
        {
            throw new UsageException("only one --format may go to standard output; give the others an --output FILE");
        }

        return result;
    }
}

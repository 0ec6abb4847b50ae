using PipelineGuard.Discovery;
using PipelineGuard.Engine;
using PipelineGuard.Reporting;

namespace PipelineGuard.Cli;

internal static class CheckCommand
{
    public static int Run(CheckVerb verb, IReadOnlyList<FormatRequest> requests, CliConsole console)
    {
        var flags = Flags(verb);
        if (verb.ShowConfig)
        {
            return ConfigCommand.Run(verb.Config, flags, console);
        }

        var (settings, _) = SettingsResolver.Load(console, verb.Config, flags);
        var outputs = ResolveOutputs(requests, settings, console);
        var baseline = verb.Baseline is { } baselinePath ? BaselineFile.Read(console, baselinePath) : null;
        var result = new Checker(console.FileSystem, console.Clock).Run(
            new CheckOptions([.. verb.Paths], settings.FailOn) { Settings = settings, Baseline = baseline });
        if (verb.WriteBaseline is { } writePath)
        {
            BaselineFile.Write(result, writePath, console);
        }

        if (GitHubStep.Requested(verb))
        {
            result = GitHubStep.Run(verb, result, outputs.Where(o => o.Path is null).Select(o => o.Reporter), console);
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

    /// <summary>The command-line layer of the settings (the last and strongest).</summary>
    public static Dictionary<string, string?> Flags(CheckVerb verb) => new(StringComparer.Ordinal)
    {
        [Configuration.SettingKeys.FailOn] = verb.FailOn,
    };

    private static List<(IReporter Reporter, string? Path)> ResolveOutputs(IReadOnlyList<FormatRequest> requests, Configuration.Settings settings, CliConsole console)
    {
        if (requests.Count == 0)
        {
            // No --format on the command line: the configuration's `format`/`output`, else auto-detection.
            requests = [new FormatRequest(settings.Format ?? string.Empty, settings.Output)];
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

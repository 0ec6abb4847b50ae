using CommandLine.Text;
using CommandLine;
using PipelineGuard.Model;
using PipelineGuard.Reporting;

namespace PipelineGuard.Cli;

/// <summary>Parses the command line (CommandLineParser verbs), runs the verb, and maps every outcome to an exit code.</summary>
internal static class CliApp
{
    public static int Run(string[] args, CliConsole console)
    {
        try
        {
            return Dispatch(args, console);
        }
        catch (UsageException e)
        {
            console.Error.WriteLine("pipelineguard: " + e.Message);
            return ExitCodes.Usage;
        }
#pragma warning disable CA1031 // The last line of defence: a bug must give exit 3 and a report request, not a stack trace on a user's CI log.
        catch (Exception e)
#pragma warning restore CA1031
        {
            console.Error.WriteLine($"pipelineguard: internal error: {e.GetType().Name}: {e.Message}");
            console.Error.WriteLine("This is a bug in PipelineGuard. Please report it with the command line and, if you can, the file that caused it.");
            return ExitCodes.InternalError;
        }
    }

    private static int Dispatch(string[] args, CliConsole console)
    {
        args = HelpRequests.Normalise(args);
        var isCheck = args.Length > 0 && args[0] == "check";
        var (requests, buildLogs, rest) = isCheck ? FormatOutputPairs.Extract(args) : ([], [], [.. args]);
        var takesRules = isCheck || (args.Length > 0 && args[0] == "fix");
        var (select, ignore, remaining) = takesRules ? RuleListOptions.Extract(rest) : ([], [], rest);
        rest = remaining;
        UsageErrors.ThrowOnMissingValue(rest);
        using var parser = new Parser(settings =>
        {
            settings.HelpWriter = null;
            settings.CaseSensitive = true;
            settings.IgnoreUnknownArguments = false;
            settings.AutoVersion = true;
            settings.AutoHelp = true;
        });
        // CommandLineParser reads every type it is given by reflection: given the one verb named, it reads one, not all
        // (a tenth of a one-file check's start-up). Help, version and mistakes still see every verb.
        var parsed = parser.ParseArguments(rest, Verbs.Named(rest.FirstOrDefault()) is { } named ? [named] : Verbs.Types);
        return parsed.MapResult(
            (CheckVerb verb) =>
            {
                (verb.SelectedRules, verb.IgnoredRules) = (select, ignore);
                return CheckCommand.Run(verb, requests, buildLogs, console);
            },
            (RulesVerb _) => RulesCommand.Run(console),
            (ExplainVerb verb) => ExplainCommand.Run(verb, console),
            (ConfigVerb verb) => ConfigCommand.Run(verb.Config, new Dictionary<string, string?>(), console),
            (FixVerb verb) =>
            {
                (verb.SelectedRules, verb.IgnoredRules) = (select, ignore);
                return FixCommand.Run(verb, console);
            },
            errors => ReportParseErrors(parsed, errors, console));
    }

    private static int ReportParseErrors<T>(ParserResult<T> parsed, IEnumerable<Error> errors, CliConsole console)
    {
        var list = errors.ToList();
        if (list.Any(e => e is VersionRequestedError))
        {
            console.Out.WriteLine($"pipelineguard {ToolInfo.Version}");
            return ExitCodes.Clean;
        }

        if (list.All(e => e is HelpRequestedError or HelpVerbRequestedError))
        {
            var help = HelpText.AutoBuild(parsed, h =>
            {
                h.Heading = $"pipelineguard {ToolInfo.Version}";
                h.Copyright = "Preflight checks for Azure Machine Learning environments. Docs: docs/usage.md";
                h.AddEnumValuesToHelpText = true;
                return HelpText.DefaultParsingErrorsHandler(parsed, h);
            }, e => e, verbsIndex: parsed.TypeInfo.Current.GetCustomAttributes(typeof(VerbAttribute), false).Length == 0);
            console.Out.WriteLine(help);
            return ExitCodes.Clean;
        }

        // Through the verb table, whose types keep their options for the reflection below in the native build.
        var verb = Verbs.Named((parsed.TypeInfo.Current.GetCustomAttributes(typeof(VerbAttribute), false).FirstOrDefault() as VerbAttribute)?.Name);
        console.Error.WriteLine("pipelineguard: " + UsageErrors.OneLine(list, verb));
        return ExitCodes.Usage;
    }
}

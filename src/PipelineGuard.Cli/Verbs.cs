using CommandLine;

namespace PipelineGuard.Cli;

[Verb("check", isDefault: false, HelpText = "Check environment definitions (conda YAML, pip requirements, Azure ML v1 JSON / v2 YAML, Dockerfiles).")]
internal sealed class CheckVerb
{
    [Value(0, MetaName = "PATH", HelpText = "Files or folders to check (default: the current folder). Folders are walked recursively.")]
    public IEnumerable<string> Paths { get; set; } = [];

    // --format and --output pair in order and may repeat; FormatOutputPairs reads them before this parser
    // runs (CommandLineParser's sequences are greedy and cannot pair). Declared here for the help text.
    [Option('f', "format", HelpText = "Output format: text (default) or json. Repeatable; pairs in order with --output.")]
    public string? Format { get; set; }

    [Option('o', "output", HelpText = "Write the preceding --format to this file instead of standard output.")]
    public string? Output { get; set; }

    [Option("build-log", HelpText = "Image-build logs to diagnose (plain or gzip; '-' for standard input), after the paths: --build-log a.log b.log.")]
    public IEnumerable<string> BuildLogs { get; set; } = [];

    [Option("fail-on", HelpText = "Lowest severity that makes the run fail (exit 1): error (default), warning, notice or none.")]
    public string? FailOn { get; set; }
}

[Verb("rules", HelpText = "List every rule with its ID, name and default severity.")]
internal sealed class RulesVerb
{
}

[Verb("explain", HelpText = "Show a rule's page: why, a bad and a good example, the fix, and its source in Azure ML's guide.")]
internal sealed class ExplainVerb
{
    [Value(0, MetaName = "RULE", Required = true, HelpText = "A rule ID (PG101) or name (pip-not-declared).")]
    public string Rule { get; set; } = string.Empty;
}

using CommandLine;

namespace PipelineGuard.Cli;

/// <summary>
/// <c>pipelineguard fix</c>: PATH, --config, --select and --ignore as <c>check</c> takes them (a fix applies only what
/// the same check reports), and --write.
/// </summary>
[Verb("fix", HelpText = "Apply the fixes that are exact replacements: show them as a unified diff, or write them with --write.")]
internal sealed class FixVerb
{
    [Value(0, MetaName = "PATH", HelpText = "Files or folders to check and fix (default: the current folder). Folders are walked recursively.")]
    public IEnumerable<string> Paths { get; set; } = [];

    [Option('c', "config", HelpText = "Configuration file (default: .pipelineguard.yml in the working directory, if present).")]
    public string? Config { get; set; }

    // Repeatable and comma-separated; RuleListOptions reads them before this parser runs, as for check.
    [Option("select", MetaValue = "RULES", HelpText = "Fix only these rules' findings: IDs or names, comma-separated. Repeatable.")]
    public string? Select { get; set; }

    [Option("ignore", MetaValue = "RULES", HelpText = "Leave these rules' findings alone: IDs or names, comma-separated. Repeatable.")]
    public string? Ignore { get; set; }

    /// <summary>The IDs of every <c>--select</c>, as <see cref="RuleListOptions"/> read them.</summary>
    public IReadOnlyList<string> SelectedRules { get; set; } = [];

    /// <summary>The IDs of every <c>--ignore</c>.</summary>
    public IReadOnlyList<string> IgnoredRules { get; set; } = [];

    [Option("write", HelpText = "Write the fixes to the files (each file replaced at once, its encoding, byte-order mark and line ends kept), then check again.")]
    public bool Write { get; set; }
}

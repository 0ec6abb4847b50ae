using CommandLine;

namespace PipelineGuard.Cli;

/// <summary>
/// <c>pipelineguard fix</c>. It takes PATH and --config only: check has no shared options class yet, and --select/--ignore
/// arrive with another change; when they do, they belong here too (a fix should apply only what the check reports).
/// </summary>
[Verb("fix", HelpText = "Apply the fixes that are exact replacements: show them as a unified diff, or write them with --write.")]
internal sealed class FixVerb
{
    [Value(0, MetaName = "PATH", HelpText = "Files or folders to check and fix (default: the current folder). Folders are walked recursively.")]
    public IEnumerable<string> Paths { get; set; } = [];

    [Option('c', "config", HelpText = "Configuration file (default: .pipelineguard.yml in the working directory, if present).")]
    public string? Config { get; set; }

    [Option("write", HelpText = "Write the fixes to the files (each file replaced at once, its encoding, byte-order mark and line ends kept), then check again.")]
    public bool Write { get; set; }
}

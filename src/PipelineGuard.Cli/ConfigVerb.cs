using CommandLine;

namespace PipelineGuard.Cli;

[Verb("config", HelpText = "Print the effective settings and where each comes from (defaults, .pipelineguard.yml, INPUT_*, PIPELINEGUARD_*, flags).")]
internal sealed class ConfigVerb
{
    [Option('c', "config", HelpText = "Configuration file (default: .pipelineguard.yml in the working directory, if present).")]
    public string? Config { get; set; }
}

using CommandLine;

namespace PipelineGuard.Cli;

[Verb("rules", HelpText = "List every rule with its ID, name and default severity.")]
internal sealed class RulesVerb
{
}

using CommandLine;

namespace PipelineGuard.Cli;

[Verb("explain", HelpText = "Show a rule's page: why, a bad and a good example, the fix, and its source in Azure ML's guide.")]
internal sealed class ExplainVerb
{
    [Value(0, MetaName = "RULE", Required = true, HelpText = "A rule ID (PG101) or name (pip-not-declared).")]
    public string Rule { get; set; } = string.Empty;
}

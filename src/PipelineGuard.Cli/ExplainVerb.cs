using CommandLine;

namespace PipelineGuard.Cli;

[Verb("explain", HelpText = "Show rules' pages: why, a bad and a good example, the fix, and its source in Azure ML's guide.")]
internal sealed class ExplainVerb
{
    [Value(0, MetaName = "RULE", Required = true, Min = 1, HelpText = "Rule IDs (PG101) or names (pip-not-declared); each page in turn.")]
    public IEnumerable<string> Rules { get; set; } = [];
}

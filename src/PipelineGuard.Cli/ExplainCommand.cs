using PipelineGuard.Model;
using PipelineGuard.Rules;

namespace PipelineGuard.Cli;

internal static class ExplainCommand
{
    public static int Run(ExplainVerb verb, CliConsole console)
    {
        var rule = RuleCatalog.Find(verb.Rule.Trim())
            ?? throw new UsageException($"unknown rule '{verb.Rule}'; 'pipelineguard rules' lists them all");
        var page = RuleDocs.Page(rule.Id)
            ?? throw new InvalidOperationException($"rule {rule.Id} has no page in docs/rules");
        console.Out.WriteLine(page.TrimEnd());
        return ExitCodes.Clean;
    }
}

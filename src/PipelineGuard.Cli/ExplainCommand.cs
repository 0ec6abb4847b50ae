using PipelineGuard.Model;
using PipelineGuard.Rules;

namespace PipelineGuard.Cli;

internal static class ExplainCommand
{
    public static int Run(ExplainVerb verb, CliConsole console)
    {
        // Every rule is looked up first: a slip in the third is reported before two pages scroll past.
        var rules = verb.Rules.Select(r => RuleCatalogLookup.Resolve(r) ?? throw new UsageException(RuleCatalogLookup.Unknown(r))).ToList();
        for (var i = 0; i < rules.Count; i++)
        {
            var page = RuleDocs.Page(rules[i].Id)
                ?? throw new InvalidOperationException($"rule {rules[i].Id} has no page in docs/rules");
            if (i > 0)
            {
                console.Out.WriteLine();
            }

            console.Out.WriteLine(page.TrimEnd());
        }

        return ExitCodes.Clean;
    }
}

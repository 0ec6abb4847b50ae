using PipelineGuard.Model;
using PipelineGuard.Rules;

namespace PipelineGuard.Cli;

internal static class RulesCommand
{
    public static int Run(CliConsole console)
    {
        // The online rules (PG2xx) run only with --online; they are listed in ID order with the others, marked so.
        var rules = RuleCatalog.Infos.Concat(RuleCatalog.OnlineRules).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var width = rules.Max(r => r.Name.Length);
        foreach (var rule in rules)
        {
            var online = RuleCatalog.OnlineRules.Contains(rule) ? " (with --online)" : string.Empty;
            console.Out.WriteLine($"{rule.Id}  {rule.Name.PadRight(width)}  {rule.DefaultSeverity.ToName(),-7}  {rule.Summary}{online}");
        }

        return ExitCodes.Clean;
    }
}

using PipelineGuard.Model;
using PipelineGuard.Rules;

namespace PipelineGuard.Cli;

internal static class RulesCommand
{
    public static int Run(CliConsole console)
    {
        var rules = RuleCatalog.Infos;
        var width = rules.Max(r => r.Name.Length);
        foreach (var rule in rules)
        {
            console.Out.WriteLine($"{rule.Id}  {rule.Name.PadRight(width)}  {rule.DefaultSeverity.ToName(),-7}  {rule.Summary}");
        }

        return ExitCodes.Clean;
    }
}

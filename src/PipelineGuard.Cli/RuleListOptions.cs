using PipelineGuard.Model;
using PipelineGuard.Rules;

namespace PipelineGuard.Cli;

/// <summary>
/// <c>--select</c> and <c>--ignore</c>: repeatable, each comma-separated, rule IDs or names. Read before
/// CommandLineParser runs (its sequences are greedy and would take the PATHs that follow), and checked here so
/// that a slip is a one-line usage error with the nearest rule.
/// </summary>
internal static class RuleListOptions
{
    public static (List<string> Select, List<string> Ignore, List<string> Remaining) Extract(IReadOnlyList<string> args)
    {
        var select = new List<string>();
        var ignore = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }

            var name = arg.Split('=', 2)[0];
            if (name is not ("--select" or "--ignore"))
            {
                rest.Add(arg);
                continue;
            }

            var value = arg.Contains('=', StringComparison.Ordinal) ? arg[(name.Length + 1)..]
                : i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i]
                : throw new UsageException($"{name} needs a value: rule IDs or names, comma-separated");
            var ids = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(item => RuleCatalogLookup.Resolve(item)?.Id ?? throw new UsageException($"{name}: {RuleCatalogLookup.Unknown(item)}"))
                .ToList();
            if (ids.Count == 0)
            {
                throw new UsageException($"{name} needs a value: rule IDs or names, comma-separated");
            }

            (name == "--select" ? select : ignore).AddRange(ids);
        }

        return (select, ignore, rest);
    }
}

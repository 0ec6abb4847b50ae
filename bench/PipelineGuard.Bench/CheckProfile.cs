using System.Diagnostics;
using PipelineGuard.Discovery;
using PipelineGuard.IO;
using PipelineGuard.Rules;

namespace PipelineGuard.Bench;

/// <summary>
/// Where the time of one <c>check FILE</c> goes: reading and parsing, then each rule on its own. A rule or reader
/// that is not linear in its input stands out here long before a profiler is needed.
/// </summary>
internal static class CheckProfile
{
    public static int Run(string path)
    {
        var clock = Stopwatch.StartNew();
        var workspace = new WorkspaceBuilder(new PhysicalFileSystem()).Build([path]);
        Console.WriteLine($"{"read+parse",-40} {clock.Elapsed.TotalMilliseconds,10:0.0} ms");
        var times = new List<(string Rule, double Ms, int Findings)>();
        foreach (var rule in RuleCatalog.All)
        {
            clock.Restart();
            var count = rule.Check(RuleContext.Of(workspace)).Count();
            times.Add(($"{rule.Info.Id} {rule.GetType().Name}", clock.Elapsed.TotalMilliseconds, count));
        }

        foreach (var (rule, ms, findings) in times.OrderByDescending(t => t.Ms).Take(10))
        {
            Console.WriteLine($"{rule,-40} {ms,10:0.0} ms {findings,8} findings");
        }

        Console.WriteLine($"{"all rules",-40} {times.Sum(t => t.Ms),10:0.0} ms");
        return 0;
    }
}

using System.Diagnostics;
using PipelineGuard.BuildLogs;
using PipelineGuard.Diagnosis;

namespace PipelineGuard.Bench;

/// <summary><c>logs-profile FILE</c>: the cost of each stage (read+decode+split, prefixes, keyword prefilter, full diagnosis), warm, in one process.</summary>
internal static class LogProfile
{
    public static int Run(string file)
    {
        var mb = new FileInfo(file).Length / 1048576.0;
        var rounds = Environment.GetEnvironmentVariable("PG_ROUNDS") is { } r ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 3;
        for (var round = 0; round < rounds; round++)
        {
            Time("read+split", mb, () => { var n = 0L; Read(file, (_, t, _, _) => n += t.Length); return n; });
            Time("+prefix", mb, () => { var n = 0L; Read(file, (_, t, _, _) => n += LinePrefix.Length(t)); return n; });
            Time("+prefilter", mb, () => { var n = 0L; Read(file, (_, t, _, _) => n += SignatureKeywords.MayMatch(t[LinePrefix.Length(t)..]) ? 1 : 0); return n; });
            Time("diagnose", mb, () =>
            {
                using var s = File.OpenRead(file);
                return BuildLogDiagnoser.Analyze(s, "x").Findings.Count;
            });
        }

        return 0;
    }

    private static void Read(string file, LogLineHandler handler)
    {
        using var s = File.OpenRead(file);
        LogLineReader.Read(s, handler);
    }

    private static void Time(string name, double mb, Func<long> body)
    {
        if (Environment.GetEnvironmentVariable("PG_STAGE") is { } stage && stage != name)
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        var result = body();
        Console.WriteLine(FormattableString.Invariant($"  {name,-12} {stopwatch.Elapsed.TotalSeconds,6:F2} s {mb / stopwatch.Elapsed.TotalSeconds,7:F0} MB/s ({result})"));
    }
}

using System.Diagnostics;

namespace PipelineGuard.Bench;

/// <summary>Warm-up, then several timed rounds; reports the median so one noisy round does not skew the figure.</summary>
internal static class BenchmarkRunner
{
    public static TimeSpan Median(Func<int> body, int rounds)
    {
        var sink = 0;
        sink += body(); // warm-up: JIT and caches
        sink += body();
        var times = new List<TimeSpan>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            sink += body();
            times.Add(stopwatch.Elapsed);
        }

        GC.KeepAlive(sink);
        times.Sort();
        return times[times.Count / 2];
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using PipelineGuard.Diagnosis;

namespace PipelineGuard.Bench;

/// <summary>
/// <c>logs [MB ...] [--keep DIR]</c>: generates realistic build logs of the given sizes (default 100 and 1000 MB) in a
/// temporary folder, then for each reports, in the same run and on the same file, the diagnoser's throughput and peak
/// memory (measured in a child process, <c>logs-run FILE</c>, so that generation does not count) side by side with
/// <c>grep -c -E</c> over the same signature keywords (C locale and UTF-8 locale). Also runs a single 100 MB line.
/// </summary>
internal static class LogBenchmark
{
    public static int Run(string[] args)
    {
        var sizes = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && double.TryParse(a, CultureInfo.InvariantCulture, out _))
            .Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToList();
        if (sizes.Count == 0)
        {
            sizes = [100, 1000];
        }

        var keep = args.SkipWhile(a => a != "--keep").Skip(1).FirstOrDefault();
        var folder = keep ?? Path.Combine(Path.GetTempPath(), "pipelineguard-bench-logs-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        try
        {
            Console.WriteLine("logs: diagnoser vs grep -c -E over the same signature keywords, same file, same run");
            Console.WriteLine($"  keywords: {SignatureKeywords.All.Count()}; files in {folder}");
            foreach (var size in sizes)
            {
                var file = Path.Combine(folder, FormattableString.Invariant($"build-{size}MB.log"));
                var generate = Stopwatch.StartNew();
                LogGenerator.Write(file, (long)(size * 1024 * 1024));
                Console.WriteLine(FormattableString.Invariant($"  generated {file} ({new FileInfo(file).Length / 1048576.0:F0} MB) in {generate.Elapsed.TotalSeconds:F1} s"));
                Compare(file, rounds: size <= 200 ? 3 : 1);
            }

            var single = Path.Combine(folder, "single-line-100MB.log");
            LogGenerator.WriteSingleLine(single, 100L * 1024 * 1024);
            Console.WriteLine("  one line of 100 MB, then a failure line:");
            Compare(single, rounds: 1);
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return 0;
    }

    /// <summary>The child process: diagnose <paramref name="file"/> once and print "seconds peakBytes roots".</summary>
    public static int RunOnce(string file)
    {
        var stopwatch = Stopwatch.StartNew();
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var diagnosis = BuildLogDiagnoser.Analyze(stream, Path.GetFileName(file));
        var seconds = stopwatch.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var roots = string.Join(',', diagnosis.RootCauses.Select(r => $"{r.Rule.Id}@{r.Line.Number}"));
        Console.WriteLine(FormattableString.Invariant($"{seconds:R} {process.PeakWorkingSet64} {GC.GetGCMemoryInfo().HeapSizeBytes} {diagnosis.Read.Lines} {(roots.Length == 0 ? "-" : roots)}"));
        return 0;
    }

    private static void Compare(string file, int rounds)
    {
        var megabytes = new FileInfo(file).Length / 1048576.0;
        var pattern = string.Join('|', SignatureKeywords.All.Distinct().Select(EscapeEre));

        var ours = Enumerable.Range(0, rounds).Select(_ => Child(file)).OrderBy(r => r.Seconds).ToList();
        var median = ours[ours.Count / 2];
        var warm = BenchmarkRunner.Median(() => Diagnose(file), rounds);
        var grepC = Median(rounds, () => Grep(file, pattern, "C"));
        var grepUtf8 = Median(rounds, () => Grep(file, pattern, "C.UTF-8"));

        Console.WriteLine(FormattableString.Invariant($"    diagnoser      : {median.Seconds,7:F2} s  {megabytes / median.Seconds,8:F0} MB/s  peak working set {median.PeakBytes / 1048576.0:F0} MB, GC heap {median.HeapBytes / 1048576.0:F1} MB, {median.Lines:N0} lines, roots {median.Roots}"));
        Console.WriteLine(FormattableString.Invariant($"    diagnoser warm : {warm.TotalSeconds,7:F2} s  {megabytes / warm.TotalSeconds,8:F0} MB/s  (in-process, after JIT warm-up: the steady state)"));
        Console.WriteLine(FormattableString.Invariant($"    grep (LC_ALL=C): {grepC.Seconds,7:F2} s  {megabytes / grepC.Seconds,8:F0} MB/s  ({grepC.Output} matching lines)"));
        Console.WriteLine(FormattableString.Invariant($"    grep (C.UTF-8) : {grepUtf8.Seconds,7:F2} s  {megabytes / grepUtf8.Seconds,8:F0} MB/s"));
        Console.WriteLine(FormattableString.Invariant($"    ratio          : cold {grepC.Seconds / median.Seconds:P0} of grep -E (C), {grepUtf8.Seconds / median.Seconds:P0} of grep -E (UTF-8); warm {grepC.Seconds / warm.TotalSeconds:P0} of grep -E (C)"));
    }

    private static int Diagnose(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return BuildLogDiagnoser.Analyze(stream, Path.GetFileName(file)).Findings.Count;
    }

    private static (double Seconds, long PeakBytes, long HeapBytes, long Lines, string Roots) Child(string file)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        var entry = Environment.GetCommandLineArgs()[0];
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(entry);
        }

        start.ArgumentList.Add("logs-run");
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim().Split(' ');
        process.WaitForExit();
        return (double.Parse(output[0], CultureInfo.InvariantCulture), long.Parse(output[1], CultureInfo.InvariantCulture),
            long.Parse(output[2], CultureInfo.InvariantCulture), long.Parse(output[3], CultureInfo.InvariantCulture), output[4]);
    }

    private static (double Seconds, string Output) Grep(string file, string pattern, string locale)
    {
        var start = new ProcessStartInfo("grep") { RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment["LC_ALL"] = locale;
        foreach (var arg in new[] { "-c", "-E", "-e", pattern, file })
        {
            start.ArgumentList.Add(arg);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return (stopwatch.Elapsed.TotalSeconds, output);
    }

    private static (double Seconds, string Output) Median(int rounds, Func<(double Seconds, string Output)> run)
    {
        var results = Enumerable.Range(0, rounds).Select(_ => run()).OrderBy(r => r.Seconds).ToList();
        return results[results.Count / 2];
    }

    public static string EscapeEre(string keyword)
    {
        var builder = new StringBuilder();
        foreach (var c in keyword)
        {
            if (@".[]()*+?{}|^$\".Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

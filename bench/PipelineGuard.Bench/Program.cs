using PipelineGuard.Bench;

// One subcommand per benchmark; add new ones to the switch.
var name = args.Length > 0 ? args[0] : "help";
return name switch
{
    "pep508" => Pep508Benchmark.Run(args.Skip(1).ToArray()),
    "logs" => LogBenchmark.Run(args.Skip(1).ToArray()),
    "logs-run" when args.Length > 1 => LogBenchmark.RunOnce(args[1]),
    "keywords" => Keywords(),
    "micro" => Micro(args.Skip(1).ToArray()),
    "logs-profile" when args.Length > 1 => LogProfile.Run(args[1]),
    "parse" when args.Length > 1 => ParseProfile.Run(args[1]),
    "check-profile" when args.Length > 1 => CheckProfile.Run(args[1]),
    "logs-generate" when args.Length > 2 => GenerateLog(args[1], args[2]),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: PipelineGuard.Bench <benchmark> [options]");
    Console.WriteLine("  pep508 [lines] [rounds]   parse generated requirement lines (default 20000 lines, 7 rounds)");
    Console.WriteLine("  logs [MB ...] [--keep DIR] diagnose generated build logs (default 100 and 1000 MB) vs grep -c -E; peak memory");
    Console.WriteLine("  logs-generate FILE MB     write one generated build log (failure near the end)");
    Console.WriteLine("  parse FILE                decode and read FILE alone (reader by name: Dockerfile*, *.txt, *.json, else YAML)");
    Console.WriteLine("  check-profile FILE        time reading FILE and each rule on it (finds a reader or rule that is not linear)");
    Console.WriteLine("  micro [BenchmarkDotNet args] BenchmarkDotNet micro-benchmarks: YAML read, requirement parse, rule run, log scan");
    Console.WriteLine("  keywords                  print every log signature keyword as an ERE, one per line (grep -E -f)");
    Console.WriteLine("  logs-run FILE             diagnose FILE once; prints seconds, peak working set, GC heap, lines, roots");
    return 2;
}

static int Micro(string[] args)
{
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromTypes([typeof(PipelineGuard.Bench.Micro.HotPathBenchmarks)]).Run(args.Length == 0 ? ["--filter", "*"] : args);
    return 0;
}

static int Keywords()
{
    foreach (var keyword in PipelineGuard.Diagnosis.SignatureKeywords.All.Distinct())
    {
        Console.WriteLine(LogBenchmark.EscapeEre(keyword));
    }

    return 0;
}

static int GenerateLog(string file, string megabytes)
{
    LogGenerator.Write(file, (long)(double.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024));
    return 0;
}

using PipelineGuard.Bench;

// One subcommand per benchmark; add new ones to the switch.
var name = args.Length > 0 ? args[0] : "help";
return name switch
{
    "pep508" => Pep508Benchmark.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: PipelineGuard.Bench <benchmark> [options]");
    Console.WriteLine("  pep508 [lines] [rounds]   parse generated requirement lines (default 20000 lines, 7 rounds)");
    return 2;
}

using System.Globalization;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Bench;

/// <summary>
/// Parses realistic requirement lines with <see cref="Pep508Requirement.TryParse"/> and, as a baseline measured in
/// the same run, just scans the same lines for '=' characters (the least any reader of these lines must do).
/// </summary>
internal static class Pep508Benchmark
{
    private static readonly string[] Names = ["numpy", "pandas", "scikit-learn", "azureml-core", "azureml-defaults", "torch", "tensorflow-gpu", "mlflow", "requests", "PyYAML", "ruamel.yaml", "zope.interface"];
    private static readonly string[] Specs = ["==1.19.5", ">=1.3,<2.0", "~=2.28", "==2.0.1+cu118", ">=0.24.2", "!=1.4.*,>=1.3", "==1.48.0", "<3", "===1.0", ""];
    private static readonly string[] Markers = ["", "", "", "; python_version < \"3.9\"", "; sys_platform == 'linux' and python_version >= '3.8'", "; extra == 'gpu'"];

    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var lines = Generate(count);

        var parse = BenchmarkRunner.Median(() => lines.Count(l => Pep508Requirement.TryParse(l, out _, out _)), rounds);
        var scan = BenchmarkRunner.Median(() => lines.Sum(l => l.AsSpan().Count('=')), rounds);

        var perSecond = count / parse.TotalSeconds;
        var baselinePerSecond = count / scan.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant($"pep508: {count} lines x {rounds} rounds (median)"));
        Console.WriteLine(FormattableString.Invariant($"  parse     : {parse.TotalMilliseconds,9:F2} ms  {perSecond,14:N0} lines/s"));
        Console.WriteLine(FormattableString.Invariant($"  '=' scan  : {scan.TotalMilliseconds,9:F2} ms  {baselinePerSecond,14:N0} lines/s (baseline)"));
        Console.WriteLine(FormattableString.Invariant($"  ratio     : parse is {parse.TotalSeconds / scan.TotalSeconds:F1}x the baseline time"));
        return 0;
    }

    private static List<string> Generate(int count)
    {
        var random = new Random(508);
        var lines = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var extras = random.Next(8) == 0 ? "[security,socks]" : string.Empty;
            lines.Add(Names[random.Next(Names.Length)] + extras + Specs[random.Next(Specs.Length)] + Markers[random.Next(Markers.Length)]);
        }

        return lines;
    }
}

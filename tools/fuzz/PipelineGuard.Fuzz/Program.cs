using System.Globalization;
using SharpFuzz;

namespace PipelineGuard.Fuzz;

/// <summary>
/// <c>PipelineGuard.Fuzz TARGET</c>: the fuzzing loop under afl-fuzz (tools/fuzz/run.sh starts it).
/// <c>PipelineGuard.Fuzz TARGET FILE...</c>: feed files to the target once, without AFL (reproduce a crash).
/// <c>PipelineGuard.Fuzz --seeds TARGET REPO OUT</c>: write the seed corpus taken from the repository's fixtures.
/// <c>PipelineGuard.Fuzz --list</c>: the target names.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--list")
        {
            foreach (var target in FuzzTargets.All)
            {
                Console.WriteLine(target.Name);
            }

            return 0;
        }

        if (args.Length == 4 && args[0] == "--seeds" && FuzzTargets.Find(args[1]) is { } seeded)
        {
            var count = SeedCorpus.Write(seeded.Name, args[2], args[3]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seeded.Name}: {count} seeds in {args[3]}"));
            return count > 0 ? 0 : 1;
        }

        if (args.Length >= 1 && FuzzTargets.Find(args[0]) is { } target1)
        {
            if (args.Length == 1)
            {
                Fuzzer.OutOfProcess.Run(stream => target1.Run(ReadAll(stream)));
                return 0;
            }

            return RunFiles(target1, args[1..]);
        }

        Console.Error.WriteLine("usage: PipelineGuard.Fuzz TARGET [FILE...] | --seeds TARGET REPO OUT | --list");
        foreach (var target in FuzzTargets.All)
        {
            Console.Error.WriteLine($"  {target.Name,-16} {target.Reader}");
        }

        return 2;
    }

    /// <summary>Runs each file through the target; prints the escaping exception, if any, with its stack.</summary>
    private static int RunFiles(FuzzTarget target, string[] files)
    {
        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                target.Run(File.ReadAllBytes(file));
                Console.WriteLine($"ok    {file}");
            }
#pragma warning disable CA1031 // Any exception out of a reader is the finding being reproduced.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failed++;
                Console.WriteLine($"CRASH {file}");
                Console.WriteLine(e.ToString());
            }
        }

        return failed == 0 ? 0 : 1;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

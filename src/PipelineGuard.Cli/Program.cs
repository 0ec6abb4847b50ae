using System.Text;
using PipelineGuard.IO;

namespace PipelineGuard.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Console.Out and Console.Error detect the terminal's encoding and lock on every write: several milliseconds
        // of a one-file check's start-up, and slow on a report of thousands of lines (docs/performance.md).
        // PipelineGuard writes UTF-8, so on Unix and into pipes and files it writes the bytes itself; a Windows
        // console keeps Console's writers, which convert to the console's code page.
        var own = !OperatingSystem.IsWindows() || (Console.IsOutputRedirected && Console.IsErrorRedirected);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdout = own ? new StreamWriter(Console.OpenStandardOutput(), utf8, 1 << 16) : null;
        using var stderr = own ? new StreamWriter(Console.OpenStandardError(), utf8, 1 << 10) { AutoFlush = true } : null;
        var console = new CliConsole(
            stdout ?? Console.Out,
            stderr ?? Console.Error,
            Environment.GetEnvironmentVariable,
            OutputIsTerminal: !Console.IsOutputRedirected,
            new PhysicalFileSystem(),
            TimeProvider.System,
            Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .Select(e => new KeyValuePair<string, string>((string)e.Key, e.Value as string ?? string.Empty)).ToList())
        {
            ErrorIsTerminal = !Console.IsErrorRedirected,
        };
        return CliApp.Run(args, console);
    }
}

using PipelineGuard.IO;

namespace PipelineGuard.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var console = new CliConsole(
            Console.Out,
            Console.Error,
            Environment.GetEnvironmentVariable,
            OutputIsTerminal: !Console.IsOutputRedirected,
            new PhysicalFileSystem(),
            TimeProvider.System,
            Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .Select(e => new KeyValuePair<string, string>((string)e.Key, e.Value as string ?? string.Empty)).ToList());
        return CliApp.Run(args, console);
    }
}

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
            new PhysicalFileSystem());
        return CliApp.Run(args, console);
    }
}

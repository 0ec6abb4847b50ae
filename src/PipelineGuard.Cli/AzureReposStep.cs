using System.Runtime.CompilerServices;
using PipelineGuard.AzureDevOps;
using PipelineGuard.Reporting;

namespace PipelineGuard.Cli;

/// <summary>
/// <c>check --azure-repos-threads</c> (docs/ci/azure-pipelines.md). Kept out of <see cref="CheckCommand"/> so that a
/// plain <c>check</c> never loads PipelineGuard.AzureDevOps: this class's signatures use engine types only, and its
/// body is compiled only when the flag is given.
/// </summary>
internal static class AzureReposStep
{
    /// <summary>
    /// Posts the threads. When the API refused, writes the findings as Azure Pipelines logging commands to standard
    /// error, so they still reach the log, unless the azure format already goes to standard output.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Run(CheckResult result, IEnumerable<IReporter> standardOutput, CliConsole console)
    {
        var outcome = new AzureReposIntegration(console.GetEnvironmentVariable, console.FileSystem, console.Error).Run(result);
        var azure = ReporterFactory.Create("azure", new ReporterOptions(false, console.GetEnvironmentVariable) { WorkingDirectory = console.FileSystem.CurrentDirectory })!;
        if (outcome.FallBackToLogCommands && !standardOutput.Any(r => r.GetType() == azure.GetType()))
        {
            azure.Write(result, console.Error);
        }
    }
}

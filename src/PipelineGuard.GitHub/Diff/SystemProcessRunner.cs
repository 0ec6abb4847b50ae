using System.Diagnostics;

namespace PipelineGuard.GitHub.Diff;

/// <summary>The real thing: <see cref="Process"/> with redirected streams and a kill on timeout.</summary>
internal sealed class SystemProcessRunner : IProcessRunner
{
    public ProcessResult Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return new ProcessResult(-1, string.Empty, $"{fileName} did not start");
            }

            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return new ProcessResult(-1, string.Empty, $"{fileName} timed out after {timeout.TotalSeconds:0} s");
            }

            return new ProcessResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ProcessResult(-1, string.Empty, $"{fileName} could not be run: {e.Message}");
        }
    }
}

namespace PipelineGuard.GitHub.Diff;

/// <summary>Runs a program with arguments (no shell) in a folder.</summary>
internal interface IProcessRunner
{
    ProcessResult Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout);
}

using PipelineGuard.GitHub.Diff;

namespace PipelineGuard.Tests.AzureDevOps;

/// <summary>git as the tests need it: a canned diff per base, the repository root, and a record of the calls.</summary>
internal sealed class FakeGit(Dictionary<string, string> diffs, string topLevel = "/repo") : IProcessRunner
{
    public List<string> Calls { get; } = [];

    public ProcessResult Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        Calls.Add(string.Join(' ', arguments));
        if (arguments.Contains("rev-parse"))
        {
            return new ProcessResult(0, topLevel + "\n", string.Empty);
        }

        var range = arguments.FirstOrDefault(a => a.EndsWith("...HEAD", StringComparison.Ordinal)) ?? "?...HEAD";
        return diffs.TryGetValue(range[..^"...HEAD".Length], out var diff)
            ? new ProcessResult(0, diff, string.Empty)
            : new ProcessResult(128, string.Empty, $"fatal: ambiguous argument '{range}': unknown revision or path not in the working tree.\n");
    }
}

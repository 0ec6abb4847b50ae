using System.Runtime.CompilerServices;
using PipelineGuard.GitHub;
using PipelineGuard.Reporting;

namespace PipelineGuard.Cli;

/// <summary>
/// The GitHub flags of <c>check</c> (docs/ci/github-api.md). Kept out of <see cref="CheckCommand"/> so that a plain
/// <c>check</c> never loads PipelineGuard.GitHub or Octokit: this class's signatures use engine types only, and its
/// body is compiled only when a GitHub flag is given.
/// </summary>
internal static class GitHubStep
{
    public static bool Requested(CheckVerb verb) =>
        verb.GitHubChecks || verb.GitHubReview || verb.OnlyChanged || !string.IsNullOrEmpty(verb.DiffBase);

    /// <summary>
    /// Filters (<c>--only-changed</c>) and publishes; returns the result to report. When the API refused, writes the
    /// findings as workflow commands to standard error (standard output may be JSON), unless the github format
    /// already goes to standard output.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static CheckResult Run(CheckVerb verb, CheckResult result, IEnumerable<IReporter> standardOutput, CliConsole console)
    {
        var request = new GitHubRequest(verb.GitHubChecks, verb.GitHubReview, verb.OnlyChanged || !string.IsNullOrEmpty(verb.DiffBase), verb.DiffBase, verb.GitHubToken);
        var outcome = new GitHubIntegration(console.GetEnvironmentVariable, console.FileSystem, console.Error, clock: console.Clock).Run(request, result);
        var options = new ReporterOptions(false, console.GetEnvironmentVariable);
        var github = ReporterFactory.Create("github", options)!;
        if (outcome.FallBackToWorkflowCommands && !standardOutput.Any(r => r.GetType() == github.GetType()))
        {
            github.Write(outcome.Result, console.Error);
        }

        return outcome.Result;
    }
}

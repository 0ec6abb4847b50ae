using PipelineGuard.AzureDevOps.Api;
using PipelineGuard.AzureDevOps.Threads;
using PipelineGuard.GitHub;
using PipelineGuard.GitHub.Diff;
using PipelineGuard.IO;
using PipelineGuard.Reporting;

namespace PipelineGuard.AzureDevOps;

/// <summary>
/// <c>check --azure-repos-threads</c>, after the findings are known: posts them as threads on the Azure Repos pull
/// request of the build, closes the threads whose findings are gone and sets the PR's status. Outside a PR build or
/// without a token it prints one warning and does nothing else. A refused or failed API call becomes one warning (for
/// 401/403, which permission to grant); it never throws and never changes the findings, so the exit code depends on
/// the findings alone. The token is sent in the Authorization header and nowhere else, and removed from every text
/// printed.
/// </summary>
internal sealed class AzureReposIntegration(
    Func<string, string?> env,
    IFileSystem fs,
    TextWriter diagnostics,
    Func<AzureReposSettings, HttpClient>? httpFactory = null,
    IProcessRunner? processRunner = null,
    Func<TimeSpan, CancellationToken, Task>? delay = null)
{
    private readonly List<string> _warnings = [];

    private bool InPipelines => string.Equals(env("TF_BUILD"), "True", StringComparison.OrdinalIgnoreCase);

    public AzureReposOutcome Run(CheckResult result) => RunAsync(result, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<AzureReposOutcome> RunAsync(CheckResult result, CancellationToken cancellation)
    {
        var (settings, problem) = AzureReposEnvironment.Read(env);
        if (settings is null)
        {
            Warn($"--azure-repos-threads: no pull-request threads: {problem}.", new SecretRedactor(env("SYSTEM_ACCESSTOKEN")));
            return new AzureReposOutcome(false, null);
        }

        var redactor = new SecretRedactor(settings.Token);
        var fallback = false;
        ThreadOutcome? threads = null;
        try
        {
            threads = await Steps(settings, result, redactor, cancellation).ConfigureAwait(false);
        }
        catch (AzureReposApiFailure e)
        {
            _warnings.Add(Explain(e));
            fallback = true;
        }
#pragma warning disable CA1031 // The API is an extra: whatever goes wrong in it must not change the run's outcome.
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
#pragma warning restore CA1031
        {
            _warnings.Add($"the Azure Repos integration failed ({e.GetType().Name}: {e.Message}).");
            fallback = true;
        }

        if (_warnings.Count > 0)
        {
            Warn("--azure-repos-threads: " + string.Join(" ", _warnings.Distinct()), redactor);
        }

        return new AzureReposOutcome(fallback, threads);
    }

    private async Task<ThreadOutcome> Steps(AzureReposSettings settings, CheckResult result, SecretRedactor redactor, CancellationToken cancellation)
    {
        var (changed, root, diffProblem) = new PullRequestChangedLines(processRunner ?? new SystemProcessRunner(), fs.CurrentDirectory).Read(settings.TargetBranch);
        if (diffProblem is not null)
        {
            _warnings.Add(diffProblem + ".");
        }

        var paths = new RepositoryPaths(fs.CurrentDirectory, root ?? settings.SourcesDirectory);
        var targets = FindingTargets.Of(result, paths);
        using var http = (httpFactory ?? AzureReposClient.CreateHttpClient)(settings);
        var client = new AzureReposClient(http, settings, new AzureReposRetry(delay ?? Task.Delay, redactor));
        var outcome = await new ThreadPublisher(client, result.Source).Publish(targets, changed, cancellation).ConfigureAwait(false);
        await client.CreateStatus(StatusPublisher.For(result, settings.BuildUrl), cancellation).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>A one-sentence cause and what to do, for the warning.</summary>
    internal static string Explain(AzureReposApiFailure e)
    {
        var attempts = e.Attempts > 1 ? $" after {e.Attempts} attempts" : string.Empty;
        var hint = e.Refused
            ? " Grant the build service (\"<Project> Build Service (<Organization>)\") \"Contribute to pull requests\" on the repository"
              + " (Project settings, Repositories, Security), and map the token in the step: env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)."
            : e.Status == 404 ? " The project, repository or pull request was not found, or the token cannot see it." : string.Empty;
        return $"could not {e.Action} on Azure Repos{attempts} ({e.Reason}).{hint} The findings are in the log.";
    }

    private void Warn(string text, SecretRedactor redactor)
    {
        text = redactor.Redact(text);
        diagnostics.WriteLine(InPipelines
            ? CommandEscaping.AzureCommand("task.logissue", [new("type", "warning")], CommandEscaping.Neutralise(text))
            : "pipelineguard: warning: " + text);
    }
}

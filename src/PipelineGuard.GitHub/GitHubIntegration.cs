using Octokit;
using PipelineGuard.GitHub.Api;
using PipelineGuard.GitHub.Checks;
using PipelineGuard.GitHub.Diff;
using PipelineGuard.GitHub.Reviews;
using PipelineGuard.IO;
using PipelineGuard.Reporting;

namespace PipelineGuard.GitHub;

/// <summary>
/// Runs the GitHub part of <c>check</c> after the findings are known: masks the token, keeps only changed lines
/// (<c>--only-changed</c>), creates the check run (<c>--github-checks</c>) and the review (<c>--github-review</c>).
/// A refused or failed API call becomes one notice on standard error and a fallback to workflow commands; it never
/// throws and never changes the findings, so the exit code depends on the findings alone.
/// </summary>
internal sealed class GitHubIntegration(
    Func<string, string?> env,
    IFileSystem fs,
    TextWriter diagnostics,
    Func<GitHubSettings, IGitHubClient>? clientFactory = null,
    IProcessRunner? processRunner = null,
    Func<TimeSpan, CancellationToken, Task>? delay = null,
    TimeProvider? clock = null)
{
    private readonly List<string> _notices = [];

    private bool InActions => string.Equals(env("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    public GitHubOutcome Run(GitHubRequest request, CheckResult result) =>
        RunAsync(request, result, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<GitHubOutcome> RunAsync(GitHubRequest request, CheckResult result, CancellationToken cancellation)
    {
        var token = GitHubToken.Resolve(request.Token, env);
        var redactor = new SecretRedactor(token);
        if (token is not null && InActions)
        {
            // First line of all: the runner hides the value in every later log line (workflow-commands docs, add-mask).
            diagnostics.WriteLine("::add-mask::" + token);
        }

        var fallback = false;
        try
        {
            (result, fallback) = await Steps(request, result, token, redactor, cancellation).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The API is an extra: whatever goes wrong in it must not change the run's outcome.
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
#pragma warning restore CA1031
        {
            _notices.Add($"the GitHub integration failed ({e.GetType().Name}: {e.Message})");
            fallback = request.Checks || request.Review;
        }

        if (_notices.Count > 0)
        {
            var text = redactor.Redact(string.Join(" ", _notices.Distinct()));
            if (fallback)
            {
                text += " The findings are written as workflow commands instead.";
            }

            diagnostics.WriteLine(InActions
                ? CommandEscaping.GitHubCommand("notice", [new("title", "PipelineGuard")], CommandEscaping.Neutralise(text))
                : "pipelineguard: notice: " + text);
        }

        return new GitHubOutcome(result, fallback);
    }

    private async Task<(CheckResult Result, bool Fallback)> Steps(GitHubRequest request, CheckResult result, string? token, SecretRedactor redactor, CancellationToken cancellation)
    {
        var runner = processRunner ?? new SystemProcessRunner();
        var needsApi = request.Checks || request.Review || (request.OnlyChanged && string.IsNullOrEmpty(request.DiffBase));
        GitHubSettings? settings = null;
        if (needsApi)
        {
            (settings, var problem) = GitHubEnvironment.Read(env, fs, request.Token);
            if (problem is not null)
            {
                _notices.Add($"GitHub API not used: {problem}.");
            }
        }

        var retry = new ApiRetry(delay ?? Task.Delay, redactor);
        var client = settings is null ? null : (clientFactory ?? GitHubClients.Create)(settings);
        var paths = new RepositoryPaths(fs.CurrentDirectory, settings?.Workspace);
        var fallback = false;
        ChangedLines? prLines = null;

        if (request.OnlyChanged || !string.IsNullOrEmpty(request.DiffBase))
        {
            ChangedLines? changed = null;
            if (!string.IsNullOrEmpty(request.DiffBase))
            {
                var git = new GitDiffSource(runner, fs.CurrentDirectory);
                (changed, var problem) = git.Read(request.DiffBase);
                paths = new RepositoryPaths(fs.CurrentDirectory, git.TopLevel() ?? settings?.Workspace);
                if (problem is not null)
                {
                    _notices.Add($"--only-changed: {problem}; all findings are kept.");
                }
            }
            else if (client is not null && settings?.PullRequest is { } number)
            {
                try
                {
                    changed = prLines = await new PullRequestFilesSource(client, retry).Read(settings, number, cancellation).ConfigureAwait(false);
                }
                catch (GitHubApiFailure e)
                {
                    _notices.Add($"--only-changed: could not {e.Action} ({e.Reason}); all findings are kept.");
                }
            }
            else if (settings is not null)
            {
                _notices.Add("--only-changed needs --diff-base REF or a pull_request event; all findings are kept.");
            }

            if (changed is not null)
            {
                result = ChangedFindings.Keep(result, changed, paths);
            }
        }

        if (client is null || settings is null)
        {
            return (result, request.Checks || request.Review);
        }

        if ((request.Checks || request.Review) && token is null)
        {
            _notices.Add("--github-checks/--github-review need a token (--github-token, GITHUB_TOKEN or the action's github-token input).");
            return (result, true);
        }

        var targets = FindingTargets.Of(result, paths);
        if (request.Checks)
        {
            try
            {
                await new CheckRunPublisher(client, retry, clock ?? TimeProvider.System).Publish(settings, result, targets, cancellation).ConfigureAwait(false);
            }
            catch (GitHubApiFailure e)
            {
                _notices.Add(Explain(e, settings, "checks: write"));
                fallback = true;
            }
        }

        if (request.Review)
        {
            if (settings.PullRequest is not { } number)
            {
                _notices.Add("--github-review needs a pull_request event; no review was posted.");
            }
            else
            {
                try
                {
                    prLines ??= await new PullRequestFilesSource(client, retry).Read(settings, number, cancellation).ConfigureAwait(false);
                    await new ReviewPublisher(client, retry, result.Source).Publish(settings, number, targets, prLines, cancellation).ConfigureAwait(false);
                }
                catch (GitHubApiFailure e)
                {
                    _notices.Add(Explain(e, settings, "pull-requests: write"));
                    fallback = true;
                }
            }
        }

        return (result, fallback);
    }

    /// <summary>A one-sentence cause and what to do, for the notice.</summary>
    internal static string Explain(GitHubApiFailure e, GitHubSettings settings, string permission)
    {
        var attempts = e.Attempts > 1 ? $" after {e.Attempts} attempts" : string.Empty;
        var hint = (int?)e.Status switch
        {
            403 when settings.FromFork => " A pull request from a fork gets a read-only GITHUB_TOKEN, so GitHub refuses it.",
            403 or 401 => $" The token needs `permissions: {permission}` in the workflow.",
            404 => " The repository, pull request or commit was not found, or the token cannot see it.",
            _ => string.Empty,
        };
        return $"Could not {e.Action} on GitHub{attempts} ({e.Reason}).{hint}";
    }
}

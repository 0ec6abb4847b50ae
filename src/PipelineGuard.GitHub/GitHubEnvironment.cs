using System.Text.Json;
using PipelineGuard.IO;

namespace PipelineGuard.GitHub;

/// <summary>
/// Reads <see cref="GitHubSettings"/> from the environment and the event payload. Never throws on a bad payload:
/// it returns the problem, which the caller reports as a notice.
/// Variables: https://docs.github.com/en/actions/reference/variables-reference#default-environment-variables
/// </summary>
internal static class GitHubEnvironment
{
    public static (GitHubSettings? Settings, string? Problem) Read(Func<string, string?> env, IFileSystem fs, string? tokenOption)
    {
        var token = GitHubToken.Resolve(tokenOption, env);
        var repository = env("GITHUB_REPOSITORY")?.Trim() ?? string.Empty;
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == repository.Length - 1)
        {
            return (null, "GITHUB_REPOSITORY is not set to owner/name");
        }

        var apiText = env("GITHUB_API_URL");
        var apiUrl = GitHubSettings.DefaultApiUrl;
        if (!string.IsNullOrWhiteSpace(apiText) && !Uri.TryCreate(apiText.Trim(), UriKind.Absolute, out apiUrl))
        {
            return (null, "GITHUB_API_URL is not an absolute URL");
        }

        var (payload, payloadProblem) = ReadEvent(env("GITHUB_EVENT_PATH"), fs);
        if (payloadProblem is not null)
        {
            return (null, payloadProblem);
        }

        // On a pull_request event GITHUB_SHA is the merge commit of refs/pull/N/merge; annotations and reviews
        // belong on the head commit the author pushed.
        var headSha = payload?.HeadSha ?? env("GITHUB_SHA")?.Trim();
        if (string.IsNullOrEmpty(headSha))
        {
            return (null, "neither the event payload (pull_request.head.sha) nor GITHUB_SHA names the commit");
        }

        var server = env("GITHUB_SERVER_URL")?.TrimEnd('/');
        var runId = env("GITHUB_RUN_ID");
        var details = !string.IsNullOrEmpty(server) && !string.IsNullOrEmpty(runId) ? $"{server}/{repository}/actions/runs/{runId}" : null;
        var workspace = env("GITHUB_WORKSPACE");
        var settings = new GitHubSettings(apiUrl!, repository[..slash], repository[(slash + 1)..], token, headSha)
        {
            PullRequest = payload?.Number,
            FromFork = payload?.HeadRepository is { } head && !string.Equals(head, repository, StringComparison.OrdinalIgnoreCase),
            DetailsUrl = details,
            Workspace = string.IsNullOrWhiteSpace(workspace) ? null : workspace,
        };
        return (settings, null);
    }

    private sealed record PullRequestEvent(int Number, string? HeadSha, string? HeadRepository);

    private static (PullRequestEvent? Event, string? Problem) ReadEvent(string? path, IFileSystem fs)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(fs.ReadAllBytes(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("pull_request", out var pr)
                || pr.ValueKind != JsonValueKind.Object)
            {
                return (null, null); // push, workflow_dispatch, …: GITHUB_SHA is the commit
            }

            var number = pr.TryGetProperty("number", out var n) && n.TryGetInt32(out var value) ? value : 0;
            string? sha = null;
            string? headRepository = null;
            if (pr.TryGetProperty("head", out var head) && head.ValueKind == JsonValueKind.Object)
            {
                sha = head.TryGetProperty("sha", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                if (head.TryGetProperty("repo", out var repo) && repo.ValueKind == JsonValueKind.Object
                    && repo.TryGetProperty("full_name", out var fullName) && fullName.ValueKind == JsonValueKind.String)
                {
                    headRepository = fullName.GetString();
                }
            }

            return number > 0
                ? (new PullRequestEvent(number, sha, headRepository), null)
                : (null, "the event payload's pull_request has no number");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return (null, $"cannot read the event payload at GITHUB_EVENT_PATH ({e.GetType().Name})");
        }
    }
}

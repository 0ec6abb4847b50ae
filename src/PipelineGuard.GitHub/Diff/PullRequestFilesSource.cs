using System.Collections.Immutable;
using Octokit;
using PipelineGuard.GitHub.Api;

namespace PipelineGuard.GitHub.Diff;

/// <summary>
/// Changed lines of a pull request from <c>GET /repos/{o}/{r}/pulls/{n}/files</c> (Octokit follows the pages):
/// each file's <c>patch</c> is parsed, so a shallow clone is enough. GitHub leaves <c>patch</c> out for a diff too
/// large to show; such a file counts as changed throughout (keeping findings is safer than dropping them).
/// </summary>
internal sealed class PullRequestFilesSource(IGitHubClient client, ApiRetry retry)
{
    public async Task<ChangedLines> Read(GitHubSettings settings, int pullRequest, CancellationToken cancellation = default)
    {
        var files = await retry.Run("list the pull request's files", () => client.PullRequest.Files(settings.Owner, settings.Repository, pullRequest), cancellation).ConfigureAwait(false);
        var lines = new Dictionary<string, ImmutableHashSet<int>>(StringComparer.Ordinal);
        var whole = new List<string>();
        foreach (var file in files)
        {
            if (string.IsNullOrEmpty(file.FileName) || file.Status == "removed")
            {
                continue;
            }

            if (string.IsNullOrEmpty(file.Patch))
            {
                if (file.Changes > 0)
                {
                    whole.Add(file.FileName);
                }

                continue;
            }

            lines[file.FileName] = UnifiedDiff.AddedLines(file.Patch);
        }

        return new ChangedLines(lines, whole);
    }
}

using PipelineGuard.GitHub.Diff;

namespace PipelineGuard.AzureDevOps.Threads;

/// <summary>
/// The PR's changed lines from the local clone. A pull-request build checks out the merge commit of the PR into its
/// target, so <c>git diff HEAD^1...HEAD</c> is what the PR changes; when that parent was not fetched, the target branch
/// (<c>origin/&lt;target&gt;...HEAD</c>) is tried. Both need more than a depth-1 fetch (<c>fetchDepth: 0</c>).
/// </summary>
internal sealed class PullRequestChangedLines(IProcessRunner runner, string workingDirectory)
{
    public (ChangedLines? Lines, string? RepositoryRoot, string? Problem) Read(string? targetBranch)
    {
        var git = new GitDiffSource(runner, workingDirectory);
        var (lines, _) = git.Read("HEAD^1");
        var tried = "HEAD^1...HEAD";
        if (lines is null && !string.IsNullOrEmpty(targetBranch))
        {
            (lines, _) = git.Read("origin/" + targetBranch);
            tried += $" and origin/{targetBranch}...HEAD";
        }

        return lines is null
            ? (null, null, $"git diff {tried} failed, so the changed lines are unknown (check out with fetchDepth: 0); every new finding goes in the summary thread")
            : (lines, git.TopLevel(), null);
    }
}

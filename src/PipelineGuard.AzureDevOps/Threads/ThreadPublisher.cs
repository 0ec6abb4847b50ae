using PipelineGuard.AzureDevOps.Api;
using PipelineGuard.GitHub;
using PipelineGuard.GitHub.Diff;
using PipelineGuard.Model;

namespace PipelineGuard.AzureDevOps.Threads;

/// <summary>
/// Posts the run's findings as pull-request threads without repeating an earlier run: a finding whose fingerprint
/// marker is in a thread already gets nothing new. New findings on changed lines get a thread each, anchored on their
/// span; the other new findings go into one summary thread. A thread of ours whose findings are all gone is set to
/// <c>fixed</c>, so the PR's "active comments" count only what still stands.
/// </summary>
internal sealed class ThreadPublisher(AzureReposClient client, Func<string, SourceText?>? sources = null)
{
    /// <summary>More threads than this in one run floods the PR and the service's rate limit; the rest go in the summary.</summary>
    public const int MaxInlineThreads = 50;

    /// <summary>Statuses that mean "still open": only these are closed when the finding is gone.</summary>
    private static readonly HashSet<string> Open = new(["active", "pending"], StringComparer.OrdinalIgnoreCase);

    /// <param name="changed">The PR's changed lines; null when unknown, and then every new finding goes in the summary.</param>
    public async Task<ThreadOutcome> Publish(IReadOnlyList<FindingTarget> targets, ChangedLines? changed, CancellationToken cancellation = default)
    {
        var ours = (await client.ListThreads(cancellation).ConfigureAwait(false))
            .Where(t => !t.IsDeleted)
            .Select(t => (Thread: t, Fingerprints: MarkedFingerprints(t)))
            .Where(t => t.Fingerprints.Count > 0)
            .ToList();
        var known = ours.SelectMany(t => t.Fingerprints).ToHashSet(StringComparer.Ordinal);
        var fresh = targets.Where(t => !known.Contains(t.Fingerprint)).DistinctBy(t => t.Fingerprint).ToList();
        var onChangedLines = fresh.Where(t => t.InRepository && changed is not null && changed.Contains(t.Path!, t.Span.Line)).ToList();
        var inline = onChangedLines.Take(MaxInlineThreads).ToList();
        var summary = fresh.Except(inline).ToList();

        foreach (var target in inline)
        {
            await client.CreateThread(ThreadContent.Inline(target, sources), cancellation).ConfigureAwait(false);
        }

        if (summary.Count > 0)
        {
            await client.CreateThread(ThreadContent.Summary(summary, overflow: onChangedLines.Count > inline.Count), cancellation).ConfigureAwait(false);
        }

        var current = targets.Select(t => t.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var fixedCount = 0;
        foreach (var (thread, fingerprints) in ours)
        {
            if (thread.Status is { } status && Open.Contains(status) && !fingerprints.Overlaps(current))
            {
                await client.SetThreadStatus(thread.Id, "fixed", cancellation).ConfigureAwait(false);
                fixedCount++;
            }
        }

        return new ThreadOutcome(inline.Count, summary.Count, targets.Count - fresh.Count, fixedCount);
    }

    /// <summary>The fingerprints in a thread's first comment, the one we wrote; replies by people do not count.</summary>
    private static HashSet<string> MarkedFingerprints(PullRequestThread thread)
    {
        var first = thread.Comments?.FirstOrDefault(c => c.ParentCommentId is null or 0 && !c.IsDeleted);
        return Fingerprints.Read(first?.Content).ToHashSet(StringComparer.Ordinal);
    }
}

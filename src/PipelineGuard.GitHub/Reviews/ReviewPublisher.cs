using System.Text;
using System.Text.Json;
using Octokit;
using PipelineGuard.GitHub.Api;
using PipelineGuard.GitHub.Diff;
using PipelineGuard.Model;

namespace PipelineGuard.GitHub.Reviews;

/// <summary>
/// One review per run (event COMMENT) on the PR's head commit: an inline comment for each new finding on a changed
/// line, the other new findings listed in the review body. "New" means no earlier comment or review body carries the
/// finding's fingerprint marker. Octokit's review types know only the deprecated diff <c>position</c>
/// (octokit.net#3046), so the review is posted through <see cref="IConnection"/> with our own JSON using
/// <c>line</c>/<c>side</c> (https://docs.github.com/en/rest/pulls/reviews#create-a-review-for-a-pull-request).
/// With the checked files' text (<paramref name="sources"/>), a comment whose finding has a fix on its line carries a
/// <c>```suggestion</c> block (<see cref="SuggestionBlock"/>).
/// </summary>
internal sealed class ReviewPublisher(IGitHubClient client, ApiRetry retry, Func<string, SourceText?>? sources = null)
{
    /// <summary>More inline comments than this in one review trips GitHub's content-creation limits; the rest go in the body.</summary>
    public const int MaxInlineComments = 50;

    private const string Accept = "application/vnd.github+json";

    public async Task<ReviewOutcome> Publish(GitHubSettings settings, int pullRequest, IReadOnlyList<FindingTarget> targets, ChangedLines changed, CancellationToken cancellation = default)
    {
        var known = await KnownFingerprints(settings, pullRequest, cancellation).ConfigureAwait(false);
        var fresh = targets.Where(t => !known.Contains(t.Fingerprint)).DistinctBy(t => t.Fingerprint).ToList();
        var inline = fresh.Where(t => t.InRepository && changed.Contains(t.Path!, t.Span.Line)).Take(MaxInlineComments).ToList();
        var inBody = fresh.Except(inline).ToList();
        var outcome = new ReviewOutcome(inline.Count, inBody.Count, targets.Count - fresh.Count, Posted: false);
        if (fresh.Count == 0)
        {
            return outcome;
        }

        var uri = new Uri($"repos/{Uri.EscapeDataString(settings.Owner)}/{Uri.EscapeDataString(settings.Repository)}/pulls/{pullRequest}/reviews", UriKind.Relative);
        try
        {
            await Post(uri, Body(settings, inline, inBody, sources), cancellation).ConfigureAwait(false);
        }
        catch (GitHubApiFailure e) when (e.Status == (System.Net.HttpStatusCode)422 && inline.Count > 0)
        {
            // "Pull request review thread line must be part of the diff": the diff moved under us. Say it all in the body.
            await Post(uri, Body(settings, [], fresh), cancellation).ConfigureAwait(false);
            return outcome with { Comments = 0, InBody = fresh.Count, Posted = true };
        }

        return outcome with { Posted = true };
    }

    private Task Post(Uri uri, string json, CancellationToken cancellation) =>
        retry.Run("create the pull request review", () => client.Connection.Post<PullRequestReview>(uri, json, Accept, "application/json", (IDictionary<string, string>?)null, cancellation), cancellation);

    private async Task<HashSet<string>> KnownFingerprints(GitHubSettings settings, int pullRequest, CancellationToken cancellation)
    {
        var comments = await retry.Run("list the pull request's review comments", () => client.PullRequest.ReviewComment.GetAll(settings.Owner, settings.Repository, pullRequest), cancellation).ConfigureAwait(false);
        var reviews = await retry.Run("list the pull request's reviews", () => client.PullRequest.Review.GetAll(settings.Owner, settings.Repository, pullRequest), cancellation).ConfigureAwait(false);
        return comments.Select(c => c.Body).Concat(reviews.Select(r => r.Body)).SelectMany(Fingerprints.Read).ToHashSet(StringComparer.Ordinal);
    }

    internal static string Body(GitHubSettings settings, IReadOnlyList<FindingTarget> inline, IReadOnlyList<FindingTarget> inBody, Func<string, SourceText?>? sources = null)
    {
        var body = new StringBuilder();
        body.Append($"**PipelineGuard**: {inline.Count + inBody.Count} new finding{(inline.Count + inBody.Count == 1 ? string.Empty : "s")}");
        body.Append(inline.Count > 0 ? $", {inline.Count} on changed lines.\n" : ".\n");
        if (inBody.Count > 0)
        {
            body.Append("\nNot on a changed line of this pull request:\n\n");
            var listed = 0;
            foreach (var target in inBody)
            {
                var item = $"- {Line(target)}\n  {Fingerprints.Marker(target.Fingerprint)}\n";
                if (Encoding.UTF8.GetByteCount(body.ToString()) + Encoding.UTF8.GetByteCount(item) > TextLimits.CommentBytes)
                {
                    body.Append($"- … and {inBody.Count - listed} more (see the check run or the job log)\n");
                    break;
                }

                body.Append(item);
                listed++;
            }
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("commit_id", settings.HeadSha);
            json.WriteString("event", "COMMENT");
            json.WriteString("body", body.ToString());
            json.WriteStartArray("comments");
            foreach (var target in inline)
            {
                json.WriteStartObject();
                json.WriteString("path", target.Path);
                json.WriteNumber("line", target.Span.Line);
                json.WriteString("side", "RIGHT");
                json.WriteString("body", CommentBody(target, sources));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static string CommentBody(FindingTarget target, Func<string, SourceText?>? sources = null)
    {
        var f = target.Finding;
        var text = $"**{f.Severity.ToName()}** [{f.RuleId}]({f.Rule.HelpUri}) {f.Rule.Name}: {f.Message}";
        var suggestion = sources is null ? null : SuggestionBlock.For(target, sources);
        if (suggestion is not null)
        {
            // The block goes last and whole: a cut one would suggest a broken line.
            var tail = "\n\n" + suggestion;
            return TextLimits.Truncate(text, TextLimits.CommentBytes - System.Text.Encoding.UTF8.GetByteCount(tail)) + tail + "\n\n" + Fingerprints.Marker(target.Fingerprint);
        }

        if (f.Fix is { Length: > 0 } fix)
        {
            text += $"\n\nFix: `{fix.Replace("`", "'", StringComparison.Ordinal)}`";
        }

        if (target.Moved)
        {
            text += $"\n\n(from {f.Span.File}:{f.Span.Line})";
        }

        return TextLimits.Truncate(text, TextLimits.CommentBytes) + "\n\n" + Fingerprints.Marker(target.Fingerprint);
    }

    private static string Line(FindingTarget target)
    {
        var f = target.Finding;
        var where = target.Path ?? target.Span.File;
        return $"**{f.Severity.ToName()}** `{where.Replace("`", "'", StringComparison.Ordinal)}:{target.Span.Line}` [{f.RuleId}]({f.Rule.HelpUri}) {f.Rule.Name}: {TextLimits.TruncateChars(f.Message, 500).ReplaceLineEndings(" ")}";
    }
}

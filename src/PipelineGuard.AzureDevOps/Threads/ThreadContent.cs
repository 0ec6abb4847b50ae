using System.Text;
using PipelineGuard.AzureDevOps.Api;
using PipelineGuard.GitHub;
using PipelineGuard.GitHub.Reviews;
using PipelineGuard.Model;

namespace PipelineGuard.AzureDevOps.Threads;

/// <summary>
/// The JSON of the threads: one per finding on a changed line, anchored on the finding's span, and one summary
/// thread for the rest. Azure Repos renders comments as Markdown, hides HTML comments (where the fingerprint marker
/// goes) and offers a <c>```suggestion</c> block as a one-click change like GitHub, so the comment text is the review
/// comment's (<see cref="SuggestionBlock"/>, <see cref="Fingerprints"/>).
/// </summary>
internal static class ThreadContent
{
    /// <summary>Azure Repos refuses comments above 150,000 characters; GitHub's tighter budget keeps one text for both.</summary>
    private const int MaxBytes = TextLimits.CommentBytes;

    public static PullRequestThread Inline(FindingTarget target, Func<string, SourceText?>? sources) => new()
    {
        Status = "active",
        Comments = [Comment(CommentText(target, sources))],
        ThreadContext = Anchor(target, sources),
    };

    /// <param name="overflow">True when some of the findings are on changed lines but past the run's thread limit.</param>
    public static PullRequestThread Summary(IReadOnlyList<FindingTarget> targets, bool overflow = false) => new()
    {
        Status = "active",
        Comments = [Comment(SummaryText(targets, overflow))],
    };

    /// <summary>
    /// The finding's span on the PR's new text: <c>filePath</c> with a leading '/', start and end as line and
    /// 1-based offset (the end exclusive, as the span's). A span with no width covers its whole line.
    /// </summary>
    internal static ThreadContext Anchor(FindingTarget target, Func<string, SourceText?>? sources)
    {
        var span = target.Span;
        var endLine = Math.Max(span.Line, span.EndLine);
        var startOffset = Math.Max(1, span.Column);
        var endOffset = span.EndColumn;
        if (endLine == span.Line && endOffset <= startOffset)
        {
            var text = sources?.Invoke(span.File) is { } source && span.Line >= 1 && span.Line <= source.LineCount ? source.GetLine(span.Line) : null;
            startOffset = 1;
            endOffset = (text?.Length ?? 0) + 1;
        }

        return new ThreadContext("/" + target.Path, new FilePosition(span.Line, startOffset), new FilePosition(endLine, Math.Max(1, endOffset)));
    }

    internal static string CommentText(FindingTarget target, Func<string, SourceText?>? sources)
    {
        var f = target.Finding;
        var text = $"**{f.Severity.ToName()}** [{f.RuleId}]({f.Rule.HelpUri}) {f.Rule.Name}: {f.Message}";
        var marker = "\n\n" + Fingerprints.Marker(target.Fingerprint);
        if (sources is not null && SuggestionBlock.For(target, sources) is { } suggestion)
        {
            // The block goes last and whole: a cut one would suggest a broken line.
            var tail = "\n\n" + suggestion;
            return TextLimits.Truncate(text, MaxBytes - Encoding.UTF8.GetByteCount(tail)) + tail + marker;
        }

        if (f.Fix is { Length: > 0 } fix)
        {
            text += $"\n\nFix: `{fix.Replace("`", "'", StringComparison.Ordinal)}`";
        }

        if (target.Moved)
        {
            text += $"\n\n(from {f.Span.File}:{f.Span.Line})";
        }

        return TextLimits.Truncate(text, MaxBytes) + marker;
    }

    internal static string SummaryText(IReadOnlyList<FindingTarget> targets, bool overflow = false)
    {
        var body = new StringBuilder();
        var findings = $"{targets.Count} finding{(targets.Count == 1 ? string.Empty : "s")}";
        body.Append(overflow
            ? $"**PipelineGuard**: {findings} without a thread of their own (not on a changed line, or past the {ThreadPublisher.MaxInlineThreads} threads of one run):\n\n"
            : $"**PipelineGuard**: {findings} not on a changed line of this pull request:\n\n");
        var listed = 0;
        foreach (var target in targets)
        {
            var item = $"- {Line(target)}\n  {Fingerprints.Marker(target.Fingerprint)}\n";
            if (Encoding.UTF8.GetByteCount(body.ToString()) + Encoding.UTF8.GetByteCount(item) > MaxBytes)
            {
                body.Append($"- … and {targets.Count - listed} more (see the build's log)\n");
                break;
            }

            body.Append(item);
            listed++;
        }

        return body.ToString();
    }

    private static ThreadComment Comment(string content) => new() { ParentCommentId = 0, Content = content, CommentType = "text" };

    private static string Line(FindingTarget target)
    {
        var f = target.Finding;
        var where = target.Path ?? target.Span.File;
        return $"**{f.Severity.ToName()}** `{where.Replace("`", "'", StringComparison.Ordinal)}:{target.Span.Line}` [{f.RuleId}]({f.Rule.HelpUri}) {f.Rule.Name}: {TextLimits.TruncateChars(f.Message, 500).ReplaceLineEndings(" ")}";
    }
}

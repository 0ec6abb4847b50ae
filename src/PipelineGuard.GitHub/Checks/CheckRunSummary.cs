using System.Text;
using PipelineGuard.Model;
using PipelineGuard.Reporting;

namespace PipelineGuard.GitHub.Checks;

/// <summary>
/// The check run's title, conclusion and Markdown summary. Findings that cannot be annotated (outside the
/// repository) come first in the table, so nothing is lost, then the others, most severe first; the summary stays under GitHub's 65535 characters.
/// </summary>
internal static class CheckRunSummary
{
    private const int MaxRows = 300;

    public static Octokit.CheckConclusion Conclusion(CheckResult result) =>
        result.Failed ? Octokit.CheckConclusion.Failure
        : result.Findings.Count > 0 ? Octokit.CheckConclusion.Neutral
        : Octokit.CheckConclusion.Success;

    public static string Title(CheckResult result) =>
        result.Findings.Count == 0
            ? "No findings"
            : $"{Count(result.Count(Severity.Error), "error")}, {Count(result.Count(Severity.Warning), "warning")}, {Count(result.Count(Severity.Notice), "notice")}";

    public static string Markdown(CheckResult result, IReadOnlyList<FindingTarget> targets)
    {
        var text = new StringBuilder();
        var threshold = result.FailOn is { } failOn ? failOn.ToName() : "none";
        text.Append($"**PipelineGuard** checked {Count(result.Files, "file")}: {Title(result).ToLowerInvariant()} (fails on {threshold}).\n");
        if (targets.Count == 0)
        {
            return text.ToString();
        }

        text.Append("\n| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n");
        // Not annotatable first (the table is their only place), then errors, warnings, notices (AnnotationOrder); stable.
        var ordered = AnnotationOrder.MostSevereFirst(targets, t => t.Finding).OrderBy(t => t.InRepository).ToList();
        var shown = 0;
        foreach (var target in ordered)
        {
            var row = Row(target);
            if (shown == MaxRows || Encoding.UTF8.GetByteCount(text.ToString()) + Encoding.UTF8.GetByteCount(row) > TextLimits.SummaryBytes - 200)
            {
                break;
            }

            text.Append(row);
            shown++;
        }

        if (shown < ordered.Count)
        {
            text.Append($"\n… and {ordered.Count - shown} more: see the annotations, or run with `--format sarif` for the full list.\n");
        }

        return text.ToString();
    }

    private static string Row(FindingTarget target)
    {
        var f = target.Finding;
        var where = target.InRepository ? $"{target.Path}:{target.Span.Line}" : $"{target.Span.File}:{target.Span.Line} (not annotated: outside the repository)";
        return $"| {f.Severity.ToName()} | [{f.RuleId}]({f.Rule.HelpUri}) {f.Rule.Name} | `{Cell(where).Replace("`", "'", StringComparison.Ordinal)}` | {Cell(TextLimits.TruncateChars(f.Message, 500))} |\n";
    }

    private static string Cell(string text) =>
        text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}

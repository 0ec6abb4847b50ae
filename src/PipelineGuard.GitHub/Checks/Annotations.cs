using Octokit;
using PipelineGuard.Model;

namespace PipelineGuard.GitHub.Checks;

/// <summary>
/// A finding as a Checks API annotation (https://docs.github.com/en/rest/checks/runs#create-a-check-run, "annotations"):
/// level failure/warning/notice, columns only when the annotation is on one line (GitHub rejects or drops them
/// otherwise), title and message within GitHub's limits.
/// </summary>
internal static class Annotations
{
    public static CheckAnnotationLevel Level(Severity severity) => severity switch
    {
        Severity.Error => CheckAnnotationLevel.Failure,
        Severity.Warning => CheckAnnotationLevel.Warning,
        _ => CheckAnnotationLevel.Notice,
    };

    public static NewCheckRunAnnotation Of(FindingTarget target)
    {
        var finding = target.Finding;
        var span = target.Span;
        var startLine = Math.Max(1, span.Line);
        var endLine = Math.Max(startLine, span.EndLine);
        var annotation = new NewCheckRunAnnotation(target.Path, startLine, endLine, Level(finding.Severity), Message(target))
        {
            Title = TextLimits.TruncateChars($"{finding.RuleId} {finding.Rule.Name}", TextLimits.TitleChars),
            RawDetails = TextLimits.Truncate($"{finding.Rule.Summary}\nHelp: {finding.Rule.HelpUri}", TextLimits.MessageBytes),
        };

        // Our EndColumn is exclusive; GitHub's end_column is the last column. A one-line span with nothing
        // finer than the line (EndColumn <= Column) gets no columns.
        if (startLine == endLine && span.Column >= 1 && span.EndColumn > span.Column)
        {
            annotation.StartColumn = span.Column;
            annotation.EndColumn = span.EndColumn - 1;
        }

        return annotation;
    }

    public static string Message(FindingTarget target)
    {
        var finding = target.Finding;
        var text = finding.Message;
        if (finding.Fix is { Length: > 0 } fix)
        {
            text += $"\nFix: {fix}";
        }

        if (target.Moved)
        {
            text += $"\n(from {finding.Span.File}:{finding.Span.Line})";
        }

        return TextLimits.Truncate(text, TextLimits.MessageBytes);
    }
}

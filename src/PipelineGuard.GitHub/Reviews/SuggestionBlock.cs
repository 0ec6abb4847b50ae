using PipelineGuard.Model;

namespace PipelineGuard.GitHub.Reviews;

/// <summary>
/// A review comment's <c>```suggestion</c> block, which the author applies with one click
/// (https://docs.github.com/en/pull-requests/collaborating-with-pull-requests/reviewing-changes-in-pull-requests/incorporating-feedback-in-your-pull-request).
/// GitHub replaces the commented lines with the block, so the block holds the whole new line: it is given only when the
/// fix is one replacement inside the one line the comment is on, and the line reads differently after it.
/// </summary>
internal static class SuggestionBlock
{
    /// <summary>A minified line is no place for a one-click suggestion, and the comment must stay under GitHub's size limit.</summary>
    private const int MaxLineChars = 4000;

    public static string? For(FindingTarget target, Func<string, SourceText?> sources)
    {
        var finding = target.Finding;
        var span = finding.FixTarget;
        if (finding.Fix is not { } fix || target.Moved || !target.InRepository ||
            span.File != target.Span.File || span.Line != target.Span.Line || span.EndLine != span.Line ||
            fix.Contains('\n', StringComparison.Ordinal) || fix.Contains('\r', StringComparison.Ordinal))
        {
            return null;
        }

        if (sources(span.File) is not { } source || span.Line < 1 || span.Line > source.LineCount)
        {
            return null;
        }

        // The block quotes the source line in a comment nobody masks: never a line with a token or a password on it.
        var line = source.GetLine(span.Line);
        if (UrlCredentials.RedactAll(line) != line || (finding.Secret is { } secret && secret.Line <= span.Line && span.Line <= secret.EndLine))
        {
            return null;
        }

        if (span.Column < 1 || span.EndColumn < span.Column || span.EndColumn - 1 > line.Length)
        {
            return null;
        }

        var fixedLine = line[..(span.Column - 1)] + fix + line[(span.EndColumn - 1)..];
        if (fixedLine == line || fixedLine.Length > MaxLineChars)
        {
            return null;
        }

        // A fence longer than any run of backticks in the line, so the line cannot close the block.
        var fence = new string('`', Math.Max(3, LongestBacktickRun(fixedLine) + 1));
        return $"{fence}suggestion\n{fixedLine}\n{fence}";
    }

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}

using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>Where a CI annotation (GitHub, Azure, SARIF) goes, and the message it carries.</summary>
internal static class AnnotationPlace
{
    /// <summary>
    /// A finding on a file that is not one of the checked documents (a build log) that has a related place in one
    /// of them goes on that place, where the pull request's author can act on it (docs/build-logs.md); the message then
    /// names the log line. Every other finding goes where it points.
    /// </summary>
    public static (SourceSpan Span, string Message) For(Finding finding, CheckResult result)
    {
        if (result.Source(finding.Span.File) is null &&
            finding.Related.FirstOrDefault(r => result.Source(r.Span.File) is not null) is { } related)
        {
            return (related.Span, $"{finding.Message} (seen at {finding.Span.File}:{finding.Span.Line})");
        }

        return (finding.Span, finding.Message);
    }
}

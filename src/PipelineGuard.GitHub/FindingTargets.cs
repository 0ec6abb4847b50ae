using PipelineGuard.Model;
using PipelineGuard.Reporting;

namespace PipelineGuard.GitHub;

/// <summary>
/// Chooses the place to annotate (in CI formats the annotation goes on the spec line, docs/build-logs.md):
/// the finding's own span when it is in a checked file of the repository; otherwise (a build-log line) its first
/// related location that is; otherwise its own span if at least inside the repository; otherwise none (summary only).
/// </summary>
internal static class FindingTargets
{
    public static IReadOnlyList<FindingTarget> Of(CheckResult result, RepositoryPaths paths) =>
        result.Findings.Select(f => Of(f, result, paths)).ToList();

    public static FindingTarget Of(Finding finding, CheckResult result, RepositoryPaths paths)
    {
        bool IsCheckedFile(string display) => result.Source(display) is not null;

        var own = paths.ToRepositoryPath(finding.Span.File);
        if (own is not null && IsCheckedFile(finding.Span.File))
        {
            return Make(finding, own, finding.Span, moved: false, result);
        }

        foreach (var related in finding.Related)
        {
            var path = paths.ToRepositoryPath(related.Span.File);
            if (path is not null && IsCheckedFile(related.Span.File))
            {
                return Make(finding, path, related.Span, moved: true, result);
            }
        }

        return Make(finding, own, finding.Span, moved: false, result);
    }

    private static FindingTarget Make(Finding finding, string? path, SourceSpan span, bool moved, CheckResult result)
    {
        var lineText = result.Source(span.File)?.GetLine(span.Line);
        var fingerprint = Fingerprints.Of(finding.RuleId, path ?? span.File, string.IsNullOrWhiteSpace(lineText) ? finding.Message : lineText);
        return new FindingTarget(finding, path, span, moved, fingerprint);
    }
}

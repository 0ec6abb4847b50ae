using PipelineGuard.Model;
using PipelineGuard.Reporting;

namespace PipelineGuard.GitHub.Diff;

/// <summary>
/// <c>--only-changed</c>: keeps the findings on lines that the change adds or modifies. A build-log finding counts as
/// changed when its related spec line is (the log itself is never part of the diff).
/// </summary>
internal static class ChangedFindings
{
    public static CheckResult Keep(CheckResult result, ChangedLines changed, RepositoryPaths paths)
    {
        bool Changed(SourceSpan span) => paths.ToRepositoryPath(span.File) is { } path && changed.ContainsAny(path, span.Line, span.EndLine);

        var kept = result.Findings.Where(f => Changed(f.Span) || f.Related.Any(r => Changed(r.Span))).ToList();
        return result with { Findings = kept };
    }
}

using PipelineGuard.Model;

namespace PipelineGuard.GitHub;

/// <summary>Where on GitHub a finding is shown: a repository path and a span in that file.</summary>
/// <param name="Moved">True when the finding's own place (a build-log line) was replaced by its related spec line.</param>
internal sealed record FindingTarget(Finding Finding, string? Path, SourceSpan Span, bool Moved, string Fingerprint)
{
    public bool InRepository => Path is not null;
}

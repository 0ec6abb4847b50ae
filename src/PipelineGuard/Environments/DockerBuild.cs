using PipelineGuard.Model;

namespace PipelineGuard.Environments;

/// <summary>
/// A Docker build: the context folder, the Dockerfile that was read from it (when it exists), and a snapshot
/// of the context (its files and <c>.dockerignore</c>) so that rules can check COPY sources without touching the disk.
/// </summary>
internal sealed record DockerBuild(string? ContextPath, SourceSpan Span, Documents.Docker.DockerfileDocument? Dockerfile)
{
    public BuildContextSnapshot? Context { get; init; }
}

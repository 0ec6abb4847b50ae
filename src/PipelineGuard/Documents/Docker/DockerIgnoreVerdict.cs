namespace PipelineGuard.Documents.Docker;

/// <summary>Whether a context path is sent to the builder, and which pattern decided.</summary>
internal sealed record DockerIgnoreVerdict(bool Excluded, DockerIgnorePattern? By);

using PipelineGuard.Documents.Docker;

namespace PipelineGuard.Analysis;

/// <summary>What the builder receives for one path, and the .dockerignore pattern that left it out.</summary>
internal sealed record ContextLookup(ContextPathState State, DockerIgnorePattern? ExcludedBy = null);

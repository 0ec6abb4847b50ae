namespace PipelineGuard.Model;

/// <summary>A value read from a file, with the span of the token it came from.</summary>
internal sealed record Located<T>(T Value, SourceSpan Span);

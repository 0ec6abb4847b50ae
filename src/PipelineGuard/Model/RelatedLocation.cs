namespace PipelineGuard.Model;

/// <summary>A related place that explains a finding, e.g. the spec line a log error comes from.</summary>
internal sealed record RelatedLocation(SourceSpan Span, string Message);

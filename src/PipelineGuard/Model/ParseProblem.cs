namespace PipelineGuard.Model;

/// <summary>
/// Something a reader could not make sense of: a syntax error, a value of the wrong shape.
/// Readers never throw on bad input; they record a problem and go on. Rule PG113 reports them.
/// </summary>
internal sealed record ParseProblem(SourceSpan Span, string Message);

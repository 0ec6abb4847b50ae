using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// One pair of ENV, ARG or LABEL: <c>K=V</c>, <c>K="v 2"</c>, the legacy <c>ENV K V</c> (value is the
/// rest of the line), or a bare <c>ARG NAME</c> (null value). Values are after quote removal with
/// variables left as written.
/// </summary>
/// <param name="Span">The whole pair as written.</param>
/// <param name="IsLegacyForm">True for <c>ENV K V</c> without '='.</param>
internal sealed record DockerKeyValue(Located<string> Key, Located<string>? Value, SourceSpan Span, bool IsLegacyForm = false);

using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// A parser directive at the top of the file: <c># syntax=docker/dockerfile:1</c>,
/// <c># escape=`</c>, <c># check=skip=...</c>
/// (https://docs.docker.com/reference/dockerfile/#parser-directives).
/// </summary>
/// <param name="Name">Lower-cased name.</param>
internal sealed record ParserDirective(Located<string> Name, Located<string> Value, SourceSpan Span);

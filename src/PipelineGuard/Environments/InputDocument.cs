using PipelineGuard.Model;

namespace PipelineGuard.Environments;

/// <summary>One input file, read and parsed once, with what its reader could not accept.</summary>
internal sealed record InputDocument(SourceText Text, DocumentKind Kind, IReadOnlyList<ParseProblem> Problems);

using PipelineGuard.Model;

namespace PipelineGuard.Documents.Tree;

/// <summary>The root of a parsed document (null when it could not be parsed or is empty) and any problem met.</summary>
internal sealed record DocParseResult(DocNode? Root, ParseProblem? Problem)
{
    public bool Failed => Problem is not null;
}

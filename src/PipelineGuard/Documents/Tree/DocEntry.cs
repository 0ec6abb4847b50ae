namespace PipelineGuard.Documents.Tree;

internal sealed record DocEntry(DocScalar Key, DocNode Value);

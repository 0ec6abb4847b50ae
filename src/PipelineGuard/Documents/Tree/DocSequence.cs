using PipelineGuard.Model;

namespace PipelineGuard.Documents.Tree;

internal sealed record DocSequence(IReadOnlyList<DocNode> Items, SourceSpan Span) : DocNode(Span);

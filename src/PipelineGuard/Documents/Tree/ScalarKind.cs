namespace PipelineGuard.Documents.Tree;

internal enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}

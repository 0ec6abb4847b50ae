using PipelineGuard.Model;

namespace PipelineGuard.Documents.Tree;

/// <summary>A scalar: <see cref="Value"/> is the text after quote removal; <see cref="Quoted"/> says whether it was quoted.</summary>
internal sealed record DocScalar(string Value, ScalarKind Kind, bool Quoted, SourceSpan Span) : DocNode(Span)
{
    public bool IsNull => Kind == ScalarKind.Null;

    public bool? AsBoolean => Kind == ScalarKind.Boolean ? Value.Equals("true", StringComparison.OrdinalIgnoreCase) : null;

    public Located<string> Located => new(Value, Span);
}

using PipelineGuard.Model;

namespace PipelineGuard.Documents.Tree;

/// <summary>
/// A format-neutral tree of a YAML or JSON document with a source span on every node, so that the
/// Azure ML readers are written once for both formats (v1 environments are JSON, v2 and conda are YAML).
/// YAML aliases become shared references (a DAG); walkers only descend the keys they know, so an
/// alias bomb cannot make them expand exponentially.
/// </summary>
internal abstract record DocNode(SourceSpan Span);

internal enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>A scalar: <see cref="Value"/> is the text after quote removal; <see cref="Quoted"/> says whether it was quoted.</summary>
internal sealed record DocScalar(string Value, ScalarKind Kind, bool Quoted, SourceSpan Span) : DocNode(Span)
{
    public bool IsNull => Kind == ScalarKind.Null;

    public bool? AsBoolean => Kind == ScalarKind.Boolean ? Value.Equals("true", StringComparison.OrdinalIgnoreCase) : null;

    public Located<string> Located => new(Value, Span);
}

internal sealed record DocSequence(IReadOnlyList<DocNode> Items, SourceSpan Span) : DocNode(Span);

internal sealed record DocEntry(DocScalar Key, DocNode Value);

internal sealed record DocMapping(IReadOnlyList<DocEntry> Entries, SourceSpan Span) : DocNode(Span)
{
    public DocEntry? Entry(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);

    public DocNode? Get(string key) => Entry(key)?.Value;

    public bool Has(string key) => Entry(key) is not null;

    /// <summary>The value of <paramref name="key"/> when it is a non-null scalar.</summary>
    public DocScalar? Scalar(string key) => Get(key) is DocScalar { IsNull: false } s ? s : null;
}

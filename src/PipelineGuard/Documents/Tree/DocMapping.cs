using PipelineGuard.Model;

namespace PipelineGuard.Documents.Tree;

internal sealed record DocMapping(IReadOnlyList<DocEntry> Entries, SourceSpan Span) : DocNode(Span)
{
    public DocEntry? Entry(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);

    public DocNode? Get(string key) => Entry(key)?.Value;

    public bool Has(string key) => Entry(key) is not null;

    /// <summary>The value of <paramref name="key"/> when it is a non-null scalar.</summary>
    public DocScalar? Scalar(string key) => Get(key) is DocScalar { IsNull: false } s ? s : null;
}

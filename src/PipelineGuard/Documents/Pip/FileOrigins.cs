using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>A real requirements file: virtual offsets are offsets in the file.</summary>
internal sealed class FileOrigins(SourceText text) : CharacterOrigins
{
    public override string Content => text.Content;

    public override SourceSpan Span(int start, int end) => text.SpanOf(start, Math.Max(0, end - start));
}

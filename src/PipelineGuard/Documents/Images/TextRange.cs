namespace PipelineGuard.Documents.Images;

/// <summary>A 0-based [Offset, Offset + Length) range in an image reference's text, for building exact spans.</summary>
internal readonly record struct TextRange(int Offset, int Length)
{
    public int End => Offset + Length;

    public static TextRange FromBounds(int start, int end) => new(start, end - start);
}

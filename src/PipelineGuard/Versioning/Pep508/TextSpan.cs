namespace PipelineGuard.Versioning.Pep508;

/// <summary>A 0-based [Offset, Offset + Length) range in the requirement text, for building SourceSpans.</summary>
internal readonly record struct TextSpan(int Offset, int Length)
{
    public int End => Offset + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);
}

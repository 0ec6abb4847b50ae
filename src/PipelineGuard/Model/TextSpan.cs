namespace PipelineGuard.Model;

/// <summary>
/// A 0-based [Offset, Offset + Length) range in a text a reader was given (a requirement, an image reference), for
/// building exact <see cref="SourceSpan"/>s.
/// </summary>
internal readonly record struct TextSpan(int Offset, int Length)
{
    public int End => Offset + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);
}

namespace PipelineGuard.Versioning.Pep440;

/// <summary>A [start, end) range inside the scanned text.</summary>
internal readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;
}

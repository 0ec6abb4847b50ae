namespace PipelineGuard.Versioning.Pep440;

/// <summary>What the scanner found, as ranges into the text (no allocation of strings yet).</summary>
internal sealed class ScannedVersion
{
    public int Start { get; set; }

    public int End { get; set; }

    public TextRange Epoch { get; set; }

    public List<TextRange> Release { get; } = [];

    public ScannedLabel? Pre { get; set; }

    public ScannedLabel? Post { get; set; }

    public ScannedLabel? Dev { get; set; }

    public TextRange? Local { get; set; }

    public bool Wildcard { get; set; }

    /// <summary>Where the scan stopped making progress and what it wanted there (for positioned errors).</summary>
    public int FailOffset { get; set; }

    public string? FailMessage { get; set; }
}

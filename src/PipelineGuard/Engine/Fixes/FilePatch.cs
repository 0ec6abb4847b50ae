using PipelineGuard.Model;

namespace PipelineGuard.Engine.Fixes;

/// <summary>
/// The machine-safe fixes of one file, applied in memory. <see cref="RealPath"/> is where the guarded read found the
/// file (inside the root, never through a link out of it), and so the only place it may be written.
/// </summary>
internal sealed record FilePatch(
    string Display,
    string RepositoryPath,
    string RealPath,
    TextFileEncoding Encoding,
    string Original,
    string Fixed,
    IReadOnlyList<FixEdit> Edits)
{
    public IEnumerable<Finding> Applied => Edits.Select(e => e.Finding);

    /// <summary>The new content of the file, byte for byte as the old one outside the edits.</summary>
    public byte[] FixedBytes => Encoding.Encode(Fixed);
}

namespace PipelineGuard.Documents.Tree;

/// <summary>
/// The words every "stopped reading here" problem carries (docs/limits.md). Such a problem is PipelineGuard's limit, not
/// a defect Azure ML, pip or Docker would refuse the file for, and PG113 reports it without saying they would.
/// </summary>
internal static class ReadingBound
{
    public const string Marker = "PipelineGuard's own bound, see docs/limits.md";

    public static bool IsBound(string message) => message.Contains(Marker, StringComparison.Ordinal);
}

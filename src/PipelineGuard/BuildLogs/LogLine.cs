using PipelineGuard.Model;

namespace PipelineGuard.BuildLogs;

/// <summary>
/// One log line that a signature may concern, after the timestamps, the BuildKit <c>#n 1.234</c> prefix and the colour
/// codes are removed. <see cref="Number"/> is the line number in the original log; <see cref="Column"/> and
/// <see cref="EndColumn"/> (exclusive) cover the message part of the original line.
/// </summary>
internal sealed record LogLine(int Number, string Text, int Column, int EndColumn, int Segment)
{
    public SourceSpan SpanIn(string file) => new(file, Number, Column, Number, Math.Max(Column, EndColumn));

    /// <summary>The text without leading blanks (pip indents nested errors, conda indents lists).</summary>
    public string Trimmed => Text.TrimStart();
}

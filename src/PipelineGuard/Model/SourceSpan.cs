namespace PipelineGuard.Model;

/// <summary>
/// A range of source text. Lines and columns are 1-based; <see cref="EndColumn"/> is exclusive
/// (the column just after the last character), as in SARIF regions and YamlDotNet marks.
/// <see cref="File"/> is the display path: relative to the working directory, with '/' separators.
/// </summary>
internal sealed record SourceSpan(string File, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>A span that covers one whole line when nothing finer is known.</summary>
    public static SourceSpan LineOf(string file, int line) => new(file, line, 1, line, 1);

    /// <summary>A span that starts at the start of this one and ends at the end of <paramref name="other"/>.</summary>
    public SourceSpan To(SourceSpan other) => this with { EndLine = other.EndLine, EndColumn = other.EndColumn };

    public override string ToString() => $"{File}:{Line}:{Column}-{EndLine}:{EndColumn}";
}

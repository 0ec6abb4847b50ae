using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// One line as pip's <c>preprocess</c> hands it to the option parser: continuation lines joined,
/// comment stripped, whitespace stripped, <c>${VARS}</c> expanded (when a lookup was given).
/// </summary>
internal sealed class LogicalLine
{
    private readonly MappedText _text;

    public LogicalLine(int lineNumber, MappedText text, IReadOnlyList<EnvironmentVariableUse> variables)
    {
        LineNumber = lineNumber;
        _text = text;
        Variables = variables;
    }

    /// <summary>The line number pip reports: that of the FIRST physical line of a joined line,
    /// counting lines as Python's <c>str.splitlines()</c> does.</summary>
    public int LineNumber { get; }

    /// <summary>The text pip parses.</summary>
    public string Text => _text.Text;

    /// <summary>From the first to the last character of <see cref="Text"/> in the source.</summary>
    public SourceSpan Span => _text.Span;

    /// <summary>Every <c>${NAME}</c> the line used, expanded or not.</summary>
    public IReadOnlyList<EnvironmentVariableUse> Variables { get; }

    public bool UsesEnvironmentVariables => Variables.Count > 0;

    public SourceSpan SpanOf(int start, int length) => _text.SpanOf(start, length);

    internal MappedText Mapped => _text;
}

using PipelineGuard.Model;
using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Environments;

/// <summary>One conda dependency string (a MatchSpec) as written, parsed once when the file is read.</summary>
internal sealed record CondaDependency(Located<string> Text, CondaMatchSpecParseResult Parsed)
{
    public static CondaDependency Read(Located<string> text) => new(text, CondaMatchSpec.Parse(text.Value));

    public CondaMatchSpec? Spec => Parsed.Spec;

    public string? Name => Parsed.Spec?.Name;

    /// <summary>The span of the package name inside the scalar, or the whole scalar when the spec did not parse.</summary>
    public SourceSpan NameSpan => Spec is { } spec ? Inner(spec.NameRange.Start, spec.NameRange.Length) : Text.Span;

    /// <summary>The span of the spec text itself, without the quotes of a quoted scalar.</summary>
    public SourceSpan ValueSpan => Inner(0, Text.Value.Length);

    /// <summary>A span of <paramref name="length"/> characters at <paramref name="start"/> inside a single-line scalar.</summary>
    public SourceSpan Inner(int start, int length)
    {
        var span = Text.Span;
        var quote = span.EndColumn - span.Column - Text.Value.Length == 2 ? 1 : 0;
        if (span.Line != span.EndLine || start < 0 || start + length > Text.Value.Length)
        {
            return span;
        }

        return span with { Column = span.Column + quote + start, EndColumn = span.Column + quote + start + length };
    }
}

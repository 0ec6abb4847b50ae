using PipelineGuard.Documents.Images;
using PipelineGuard.Model;

namespace PipelineGuard.Analysis;

/// <summary>
/// One place where an environment names a base image (v2 <c>image</c>, v1 <c>docker.baseImage</c>, an inline job
/// environment's <c>image</c>, a Dockerfile <c>FROM</c>), parsed once.
/// </summary>
internal sealed class BaseImageUse
{
    public BaseImageUse(Located<string> written, string text)
    {
        Written = written;
        Text = text;
        ImageReference.TryParse(text, out var reference, out var error);
        Reference = reference;
        Error = error;
    }

    /// <summary>The value as written in the file, with its span.</summary>
    public Located<string> Written { get; }

    /// <summary>The reference that was parsed: <see cref="Written"/>, or its expansion when a FROM uses global ARGs.</summary>
    public string Text { get; }

    public bool IsExpanded => !string.Equals(Text, Written.Value, StringComparison.Ordinal);

    /// <summary>The parsed reference, or null when the text is invalid or a template.</summary>
    public ImageReference? Reference { get; }

    /// <summary>Why the text is not a reference; null when it is one, and for templates.</summary>
    public ImageReferenceError? Error { get; }

    /// <summary>How to name the image in a message: <c>'python'</c>, or <c>'$BASE' (= 'python')</c> when expanded.</summary>
    public string Quoted => IsExpanded ? $"'{Written.Value}' (= '{Text}')" : $"'{Text}'";

    /// <summary>
    /// The span of <paramref name="range"/> of <see cref="Text"/> in the file. Exact when the value is written on one
    /// line, as is or between one pair of quotes; otherwise (an expanded ARG, escapes, a folded scalar) the whole value.
    /// </summary>
    public SourceSpan SpanOf(TextSpan range)
    {
        var span = Written.Span;
        var value = Written.Value;
        if (IsExpanded || range.Length == 0 || span.Line != span.EndLine || range.End > value.Length)
        {
            return span;
        }

        var width = span.EndColumn - span.Column;
        var quote = width == value.Length ? 0 : width == value.Length + 2 ? 1 : -1;
        if (quote < 0)
        {
            return span;
        }

        var column = span.Column + quote + range.Offset;
        return span with { Column = column, EndColumn = column + range.Length };
    }

    /// <summary>The span of the whole reference, without quotes.</summary>
    public SourceSpan Span => SpanOf(new TextSpan(0, Text.Length));
}

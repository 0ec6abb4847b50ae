using System.Collections.Immutable;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// A heredoc of RUN, COPY or ADD (https://docs.docker.com/reference/dockerfile/#here-documents):
/// <c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c> (leading tabs of body and terminator dropped),
/// <c>&lt;&lt;"EOF"</c> (quoted: no expansion). The body is the lines after the instruction up to
/// the line equal to the name.
/// </summary>
/// <param name="Name">The delimiter after quote removal, spanned on the marker word.</param>
/// <param name="MarkerSpan">The whole <c>&lt;&lt;-"EOF"</c> word.</param>
/// <param name="StripTabs">True for <c>&lt;&lt;-</c>.</param>
/// <param name="IsQuoted">True when the name was quoted: BuildKit then does not expand variables in the body.</param>
/// <param name="FileDescriptor">The descriptor before <c>&lt;&lt;</c> (<c>3&lt;&lt;EOF</c>), or 0.</param>
/// <param name="Lines">Body lines as written (without line ends), each with its span.</param>
/// <param name="Body">The body as one text, lines joined with '\n', mapped to the file.</param>
/// <param name="Terminator">The closing line, or null when the heredoc is unterminated.</param>
internal sealed record DockerHeredoc(
    Located<string> Name,
    SourceSpan MarkerSpan,
    bool StripTabs,
    bool IsQuoted,
    int FileDescriptor,
    ImmutableArray<Located<string>> Lines,
    LogicalText Body,
    SourceSpan? Terminator)
{
    public bool IsTerminated => Terminator is not null;

    /// <summary>Offset in the file where the marker word starts.</summary>
    internal int MarkerSourceStart { get; init; }
}

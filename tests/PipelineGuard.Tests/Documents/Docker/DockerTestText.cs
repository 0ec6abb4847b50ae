using PipelineGuard.Documents.Docker;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.Documents.Docker;

/// <summary>Helpers: read a Dockerfile from lines, and show what text a span covers.</summary>
internal static class DockerTestText
{
    public static DockerfileDocument Read(params string[] lines) =>
        DockerfileReader.Read(new SourceText("Dockerfile", string.Join("\n", lines) + "\n"));

    /// <summary>The file text a span covers, line ends included as "\n".</summary>
    public static string Covered(SourceText text, SourceSpan span)
    {
        if (span.Line == span.EndLine)
        {
            var line = text.GetLine(span.Line);
            return line[(span.Column - 1)..Math.Min(line.Length, span.EndColumn - 1)];
        }

        var parts = new List<string> { text.GetLine(span.Line)[(span.Column - 1)..] };
        for (var l = span.Line + 1; l < span.EndLine; l++)
        {
            parts.Add(text.GetLine(l));
        }

        parts.Add(text.GetLine(span.EndLine)[..(span.EndColumn - 1)]);
        return string.Join("\n", parts);
    }

    public static string Covered(DockerfileDocument document, SourceSpan span) => Covered(document.Source, span);
}

using PipelineGuard.Model;

namespace PipelineGuard.Engine;

/// <summary>Finds suppression comments in YAML, requirements files and Dockerfiles (all use <c>#</c> comments).</summary>
internal static class InlineSuppressions
{
    private const string Marker = "pipelineguard:";

    public static IReadOnlyList<SuppressionComment> Parse(SourceText source)
    {
        var result = new List<SuppressionComment>();
        if (!source.Content.Contains(Marker, StringComparison.OrdinalIgnoreCase))
        {
            return result;
        }

        for (var line = 1; line <= source.LineCount; line++)
        {
            var text = source.GetLine(line);
            var hash = FindComment(text);
            if (hash < 0)
            {
                continue;
            }

            var body = text[(hash + 1)..].TrimStart();
            if (!body.StartsWith(Marker, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            body = body[Marker.Length..].TrimStart();
            var fileLevel = body.StartsWith("ignore-file", StringComparison.OrdinalIgnoreCase);
            if (!fileLevel && !body.StartsWith("ignore", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            body = body[(fileLevel ? "ignore-file".Length : "ignore".Length)..];
            string? reason = null;
            var dashes = body.IndexOf("--", StringComparison.Ordinal);
            if (dashes >= 0)
            {
                reason = body[(dashes + 2)..].Trim();
                reason = reason.Length == 0 ? null : reason;
                body = body[..dashes];
            }

            var ids = body.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(id => id.ToUpperInvariant()).ToList();
            var ownLine = text[..hash].Trim().Length == 0;
            var span = new SourceSpan(source.Path, line, hash + 1, line, text.TrimEnd().Length + 1);
            result.Add(new SuppressionComment(span, ids, reason, fileLevel, ownLine ? line + 1 : line));
        }

        return result;
    }

    /// <summary>The index of a '#' that starts a comment: at the start of the line or after whitespace (as YAML, pip and Docker read them).</summary>
    private static int FindComment(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '#' && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                return i;
            }
        }

        return -1;
    }
}

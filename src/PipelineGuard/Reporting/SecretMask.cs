using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>Hides the secret of a finding (<see cref="Finding.Secret"/>) in a source line before any reporter shows it.</summary>
internal static class SecretMask
{
    public const string Mask = "****";

    /// <summary>A source line as reporters may show it: the finding's secret and any URL credential masked.</summary>
    public static string Apply(string line, int lineNumber, SourceSpan? secret) => UrlCredentials.RedactAll(ApplySpan(line, lineNumber, secret));

    private static string ApplySpan(string line, int lineNumber, SourceSpan? secret)
    {
        if (secret is null || lineNumber < secret.Line || lineNumber > secret.EndLine)
        {
            return line;
        }

        var start = lineNumber == secret.Line ? Math.Clamp(secret.Column - 1, 0, line.Length) : 0;
        var end = lineNumber == secret.EndLine ? Math.Clamp(secret.EndColumn - 1, start, line.Length) : line.Length;
        return end <= start ? line : line[..start] + Mask + line[end..];
    }
}

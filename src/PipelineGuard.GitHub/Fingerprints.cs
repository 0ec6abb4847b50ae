namespace PipelineGuard.GitHub;

/// <summary>
/// A finding's identity across runs and pushes: rule + file + the offending line's text with its whitespace
/// normalised, not the line number, so an edit above it does not make it new (the idea of SARIF's
/// <c>primaryLocationLineHash</c>). Carried in review comments as a hidden HTML comment.
/// </summary>
internal static class Fingerprints
{
    private const string MarkerStart = "<!-- pipelineguard:fp=";
    private const string MarkerEnd = " -->";
    private const int Length = 16;

    public static string Of(string ruleId, string path, string lineText) => Model.Fingerprint.Of(ruleId, path, lineText)[..Length];

    public static string Marker(string fingerprint) => MarkerStart + fingerprint + MarkerEnd;

    /// <summary>Every fingerprint marked in a comment or review body.</summary>
    public static IEnumerable<string> Read(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            yield break;
        }

        var at = 0;
        while ((at = body.IndexOf(MarkerStart, at, StringComparison.Ordinal)) >= 0)
        {
            at += MarkerStart.Length;
            var end = at;
            while (end < body.Length && end - at < Length && char.IsAsciiHexDigitLower(body[end]))
            {
                end++;
            }

            if (end - at == Length && string.CompareOrdinal(body, end, MarkerEnd, 0, MarkerEnd.Length) == 0)
            {
                yield return body[at..end];
            }
        }
    }
}

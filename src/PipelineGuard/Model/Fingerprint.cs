using System.Security.Cryptography;
using System.Text;

namespace PipelineGuard.Model;

/// <summary>
/// A finding's identity that survives unrelated edits: rule, file, and the offending line's text with its
/// whitespace collapsed, hashed. Line numbers are left out, so inserting lines above does not change it; editing
/// the offending line does. One definition for baselines, SARIF's <c>partialFingerprints</c> and the hidden
/// markers of GitHub review comments.
/// </summary>
internal static class Fingerprint
{
    /// <summary>32 hex digits of SHA-256 over rule, file and normalised line text.</summary>
    public static string Of(string ruleId, string file, string lineText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{file}\n{Normalise(lineText)}")))[..32];

    public static string Of(Finding finding, SourceText? source) =>
        Of(finding.RuleId, finding.Span.File, source?.GetLine(finding.Span.Line) ?? string.Empty);

    /// <summary>Fingerprints of every finding, with "/2", "/3" … appended to repeats so identical lines stay distinct.</summary>
    public static IReadOnlyList<string> OfAll(IEnumerable<Finding> findings, Func<string, SourceText?> sources)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var finding in findings)
        {
            var fp = Of(finding, sources(finding.Span.File));
            var n = seen[fp] = seen.GetValueOrDefault(fp) + 1;
            result.Add(n == 1 ? fp : $"{fp}/{n}");
        }

        return result;
    }

    /// <summary>Trimmed, every run of whitespace one space: re-indenting a line does not change the fingerprint.</summary>
    public static string Normalise(string line) => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

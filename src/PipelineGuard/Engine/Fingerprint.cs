using System.Security.Cryptography;
using System.Text;
using PipelineGuard.Model;

namespace PipelineGuard.Engine;

/// <summary>
/// A finding's identity that survives unrelated edits: rule, file, and the offending line's text with its
/// whitespace collapsed, hashed. Line numbers are left out, so inserting lines above does not change it; editing
/// the offending line does. Baselines match on it; SARIF's partialFingerprints can use it too.
/// </summary>
internal static class Fingerprint
{
    public static string Of(Finding finding, SourceText? source)
    {
        var line = source?.GetLine(finding.Span.Line) ?? string.Empty;
        var text = $"{finding.RuleId}\n{finding.Span.File}\n{Normalise(line)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

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

    private static string Normalise(string line) => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

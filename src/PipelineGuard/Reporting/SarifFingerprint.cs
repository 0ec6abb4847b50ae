using System.Security.Cryptography;
using System.Text;

namespace PipelineGuard.Reporting;

/// <summary>
/// The <c>partialFingerprints.primaryLocationLineHash</c> of a SARIF result, which GitHub code scanning uses to
/// recognise an alert across commits (<see href="https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning#providing-data-to-track-code-scanning-alerts-across-runs">SARIF support</see>).
/// It hashes the rule, the repository-relative file and the offending line's text with its whitespace collapsed,
/// never a line number: an edit elsewhere in the file moves the line but keeps the alert. Identical keys in one file
/// are told apart by their order (<c>hash:1</c>, <c>hash:2</c>), as GitHub's own fingerprints are.
/// </summary>
internal sealed class SarifFingerprint
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public string Next(string ruleId, string file, string lineText)
    {
        var key = $"{ruleId}\0{file}\0{Normalise(lineText)}";
        var occurrence = _seen[key] = _seen.GetValueOrDefault(key) + 1;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 8));
        return $"{hash}:{occurrence}";
    }

    /// <summary>Trimmed, every run of whitespace one space: re-indenting a line does not change the fingerprint.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}

using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>
/// The <c>partialFingerprints.primaryLocationLineHash</c> of a SARIF result, which GitHub code scanning uses to
/// recognise an alert across commits (<see href="https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning#providing-data-to-track-code-scanning-alerts-across-runs">SARIF support</see>):
/// the project's <see cref="Fingerprint"/> (never a line number), with identical keys in one file told apart by
/// their order (<c>hash:1</c>, <c>hash:2</c>), as GitHub's own fingerprints are.
/// </summary>
internal sealed class SarifFingerprint
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public string Next(string ruleId, string file, string lineText)
    {
        var hash = Fingerprint.Of(ruleId, file, lineText)[..16];
        var occurrence = _seen[hash] = _seen.GetValueOrDefault(hash) + 1;
        return $"{hash}:{occurrence}";
    }
}

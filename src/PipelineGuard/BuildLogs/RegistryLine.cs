using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.BuildLogs;

/// <summary>
/// What the registry, authorization and storage signatures share: pip's and conda's HTTP lines are left to their own
/// signatures, and a <c>denied:</c> that is not a registry's answer (prose, a path) is not one.
/// </summary>
internal static class RegistryLine
{
    /// <summary>True for pip's and conda's HTTP lines, which their own signatures read.</summary>
    public static bool BelongsElsewhere(LogLine line) =>
        Starts(line.Trimmed, "Could not fetch URL") || Has(line.Text, "HTTP error ") || Has(line.Text, "CondaHTTPError");

    /// <summary>True for a "denied:" that is not a registry's answer ("denied: requested access …", a line starting with it).</summary>
    public static bool OtherDenial(LogLine line) =>
        Has(line.Text, "denied:") && !(Starts(line.Trimmed, "denied:") || Has(line.Text, "denied: requested access") || Has(line.Text, "denied: access"));

    /// <summary>A registry's refusal for want of credentials (401, "denied:", "authentication required").</summary>
    public static bool AuthRefused(string text) =>
        Has(text, "denied:") || Has(text, "nauthorized") || Has(text, "UNAUTHORIZED") || Has(text, "authentication required") || Has(text, "no basic auth credentials");

    public static string? Host(string text) => LogText.Host(LogText.Url(text));
}

using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>The words of a run's summary ("12 files", "8 errors, 3 warnings, 0 notices", the verdict), written once for every format.</summary>
internal static class RunSummary
{
    public static string Files(CheckResult result) => Plural(result.Files, "file");

    public static string Counts(CheckResult result) =>
        $"{Plural(result.Count(Severity.Error), "error")}, {Plural(result.Count(Severity.Warning), "warning")}, {Plural(result.Count(Severity.Notice), "notice")}";

    public static string Suppressed(CheckResult result) => result.Suppressed > 0 ? $" ({result.Suppressed} suppressed)" : string.Empty;

    /// <summary><c>failed (--fail-on error)</c> or <c>passed</c>.</summary>
    public static string Verdict(CheckResult result) => result.Failed ? $"failed (--fail-on {result.FailOn!.Value.ToName()})" : "passed";

    /// <summary>The plain line: <c>12 files checked: 8 errors, 3 warnings, 0 notices; failed (--fail-on error)</c>.</summary>
    public static string Line(CheckResult result) => $"{Files(result)} checked: {Counts(result)}{Suppressed(result)}; {Verdict(result)}";

    public static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}

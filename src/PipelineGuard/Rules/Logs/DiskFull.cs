using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG326: ENOSPC: <c>OSError: [Errno 28] No space left on device: '/opt/conda/pkgs/…'</c>, Docker's <c>write /var/lib/…: no
/// space left on device</c>, apt-get's <c>E: Write error - write (28: No space left on device)</c> (matched before apt's
/// other errors), and the reason of a conda link failure (PG328 hands it here).
/// </summary>
internal sealed class DiskFull : LogRule
{
    public static readonly RuleInfo Rule = new("PG326", "disk-full", Severity.Error,
        "The build ran out of disk space (No space left on device, Errno 28).");

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.System, 10, ["o space left on device", "Errno 28"], NoSpace) { ReachedThroughTheirLine = ["Errno 28"] },
    ];

    /// <summary>True for a line that says the disk is full.</summary>
    public static bool Says(string text) => Has(text, "o space left on device") || Has(text, "Errno 28");

    /// <summary>The signal for <paramref name="line"/>, naming <paramref name="package"/> (or the package pip is installing).</summary>
    public static LogSignal Signal(LogLine line, LogContext context, string? package = null)
    {
        var text = line.Text;
        var at = text.IndexOf("o space left on device", StringComparison.Ordinal);
        var path = LogText.Quoted(text, Math.Max(0, at));
        if (path is null && LogText.After(text, "write /") is { } written && written.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
        {
            path = "/" + written[..colon];
        }

        package ??= context.CurrentPackage;
        var what = LogText.Clip(line.Trimmed, 100);
        return new LogSignal(Rule, LogKinds.DiskFull, Strength.Decisive, line, Message(what, path, package))
            with { Package = package, RequirementText = path, NamingPackage = package is null ? p => Message(what, path, p) : null };
    }

    private static string Message(string what, string? path, string? package) =>
        $"the build ran out of disk space ({what})" +
        (path is null ? string.Empty : $" while writing '{path}'") +
        (package is null ? string.Empty : $" while installing '{package}'") +
        ": the image and the package caches filled the build machine's disk. Clean the caches in the same RUN that fills them " +
        "('pip install --no-cache-dir', 'conda clean -aqy'), drop large packages the job does not need (a CUDA toolkit the base image already has), " +
        "use a smaller base image, or build on a compute with a larger disk (the workspace's image build compute).";

    private static bool NoSpace(LogLine line, LogContext context)
    {
        if (!Says(line.Text))
        {
            return false;
        }

        context.Emit(Signal(line, context));
        return true;
    }
}

using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG321: apt-get's <c>E: </c> lines (<c>Unable to locate package</c>, <c>has no installation candidate</c>, <c>Version … was
/// not found</c>, <c>Failed to fetch</c>, the lock); or only a step's exit code 100. A package apt-get could not find is a
/// lookup failure that a DNS failure above it explains.
/// </summary>
internal sealed class AptGetFailed : LogRule
{
    public static readonly RuleInfo Rule = new("PG321", "apt-get-failed", Severity.Error,
        "apt-get could not find, fetch or lock a package (exit code 100).");

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } = [new(Families.System, 30, ["E: "], Apt) { LineStarts = ["E: "] }];

    public override bool IsLookupFailure(LogSignal signal) => signal.Package is not null;

    public override LogSignal? FromExitCode(int code, LogLine line, string step) => code == 100
        ? new LogSignal(Rule, LogKinds.AptFailed, Strength.Generic, line,
            step + ": apt-get failed. Run 'apt-get update && apt-get install -y <packages>' in one RUN as root, and check the package names for the base image's release.")
        : null;

    private static bool Apt(LogLine line, LogContext context)
    {
        var t = line.Trimmed;
        if (!Starts(t, "E: "))
        {
            return false;
        }

        string? package = null;
        string why;
        var strength = Strength.Decisive;
        if (Starts(t, "E: Unable to locate package "))
        {
            package = t["E: Unable to locate package ".Length..].Trim();
            why = $"apt-get found no package '{package}': the package lists are missing or stale (no 'apt-get update' in the same RUN), the name is wrong for the base image's release, or its repository is not configured";
        }
        else if (Has(t, "has no installation candidate"))
        {
            package = LogText.Quoted(t);
            why = $"apt-get knows '{package}' but has no installable version of it: the package lists are stale, or it is not published for the base image's release";
        }
        else if (Starts(t, "E: Version "))
        {
            package = LogText.Quoted(t, t.IndexOf(" for ", StringComparison.Ordinal));
            why = $"apt-get has no version {LogText.Quoted(t)} of '{package}' in its package lists";
        }
        else if (Has(t, "Failed to fetch") || Has(t, "Unable to fetch"))
        {
            why = "apt-get could not download a package: the package lists are stale (the version moved), or the mirror cannot be reached";
        }
        else if (Has(t, "lock") || Has(t, "are you root"))
        {
            why = "apt-get could not take its lock: it ran as a non-root user (add 'USER root' before it) or another apt-get was running";
        }
        else
        {
            why = $"apt-get failed: {LogText.Clip(t, 120)}";
            strength = Strength.Generic;
        }

        context.Emit(new LogSignal(Rule, LogKinds.AptFailed, strength, line,
            why + ". Run 'apt-get update && apt-get install -y <packages>' in one RUN as root, and check the names for the base image's release.")
            with { Package = package });
        return true;
    }
}

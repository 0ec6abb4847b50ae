using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>PG308: conda's lock (<c>LOCKERROR</c>, <c>LockError</c>, <c>conda is already doing something</c>; waiting for <c>other conda operations</c> is context).</summary>
internal sealed class CondaLockHeld : LogRule
{
    public static readonly RuleInfo Rule = new("PG308", "conda-lock-held", Severity.Error,
        "conda waited for, or failed on, a lock held by another conda process.");

    public override RuleInfo Info => Rule;

    public override LogTraits Traits => LogTraits.CanFailAlone;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Conda, 130, ["other conda operations", "LOCKERROR", "LockError", "conda is already doing something"], Lock)
        {
            ReachedThroughTheirLine = ["LOCKERROR", "LockError", "conda is already doing something"],
        },
    ];

    private static bool Lock(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!(Has(text, "LOCKERROR") || Has(text, "LockError") || Has(text, "conda is already doing something") || Has(text, "other conda operations")))
        {
            return false;
        }

        var decisive = !Has(text, "other conda operations");
        context.Emit(new LogSignal(Rule, LogKinds.CondaLock, decisive ? Strength.Decisive : Strength.Context, line,
            "conda waited for a lock that another conda process holds (or left behind): two conda commands ran at once in the image, or a killed one left its lock. " +
            "Run conda commands one after another in one RUN, and remove stale lock files of an interrupted build."));
        return true;
    }
}

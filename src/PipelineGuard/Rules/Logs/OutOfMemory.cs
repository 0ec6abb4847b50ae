using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG316: the build ran out of memory: Python's <c>MemoryError</c>, the kernel's <c>Killed</c>, gcc's <c>Killed signal
/// terminated program</c>, <c>Cannot allocate memory</c>, C++'s <c>std::bad_alloc</c>; or only a step's exit code 137 (SIGKILL).
/// </summary>
internal sealed class OutOfMemory : LogRule
{
    public static readonly RuleInfo Rule = new("PG316", "out-of-memory", Severity.Error,
        "The build ran out of memory (MemoryError, Killed, exit code 137).");

    public override RuleInfo Info => Rule;

    public override LogTraits Traits => LogTraits.NamesFailingPackage;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.System, 40, ["MemoryError", "Killed", "Cannot allocate memory", "bad_alloc"], OutOfMemoryLine)
        {
            ReachedThroughTheirLine = ["MemoryError", "bad_alloc"],
        },
    ];

    public override LogSignal? FromExitCode(int code, LogLine line, string step) => code is 137 or -9
        ? new LogSignal(Rule, LogKinds.OutOfMemory, Strength.Generic, line,
            step + ": the process was killed (SIGKILL), almost always by the kernel for lack of memory. Use a build compute with more memory and pin versions so that conda and pip have less to solve.")
        : null;

    private static bool OutOfMemoryLine(LogLine line, LogContext context)
    {
        var text = line.Text;
        var trimmed = line.Trimmed;
        if (!(Has(text, "Killed signal terminated program") || Has(text, "MemoryError") && IsExceptionName(text, "MemoryError") ||
              LogText.HasWord(text, "Killed") && !Has(text, "Killed signal") && (trimmed == "Killed" || Has(text, " Killed ") || trimmed.EndsWith(" Killed", StringComparison.Ordinal)) ||
              Has(text, "Cannot allocate memory") || Has(text, "bad_alloc")))
        {
            return false;
        }

        var package = context.CurrentPackage;
        var what = LogText.Clip(trimmed, 80);
        context.Emit(new LogSignal(Rule, LogKinds.OutOfMemory, Strength.Decisive, line, Message(what, package))
            with { Package = package, NamingPackage = package is null ? p => Message(what, p) : null });
        return true;
    }

    private static string Message(string what, string? package) =>
        $"the build ran out of memory ({what}){(package is null ? string.Empty : $" while pip handled '{package}'")}: the kernel killed the process, or Python could not allocate. " +
        "Use a build compute with more memory, pin exact versions so that conda and pip have less to solve, install large packages as wheels rather than compiling them, and drop packages the job does not need.";

    /// <summary>True when <paramref name="name"/> is the exception of a traceback line (<c>MemoryError</c>, <c>MemoryError: …</c>, <c>raise MemoryError()</c>), not a word in prose.</summary>
    private static bool IsExceptionName(string text, string name)
    {
        var i = text.IndexOf(name, StringComparison.Ordinal);
        var end = i + name.Length;
        var before = i == 0 || text[i - 1] is ' ' or '.' or '\t' or '(' or ']';
        var after = end == text.Length || text[end] is ':' or '(' or ' ';
        return before && after;
    }
}

using PipelineGuard.BuildLogs;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// A build-log rule (PG3xx): the signatures it recognises in a log, what its signals mean to the root-cause ranking
/// (<see cref="Traits"/>), and the spec lines a signal of it points to. Found by <see cref="RuleCatalog"/> like an
/// <see cref="IRule"/>; <see cref="BuildLogDiagnoser"/> runs them (they read a log, not the workspace alone).
/// </summary>
internal interface ILogRule
{
    RuleInfo Info { get; }

    LogTraits Traits { get; }

    IReadOnlyList<LogSignature> Signatures { get; }

    /// <summary>True when <paramref name="signal"/> says a package was not found, which an earlier network, authorization or compatibility signal may explain.</summary>
    bool IsLookupFailure(LogSignal signal);

    /// <summary>True when the packages <paramref name="signal"/> names are conda packages (their conda declaration is related first).</summary>
    bool NamesCondaPackages(LogSignal signal);

    /// <summary>The signal of a failing step that has none but an exit code this rule owns (127, 137, 100), or null.</summary>
    LogSignal? FromExitCode(int code, LogLine line, string step);

    /// <summary>Called once at the end of the log (a signature that is the absence of a line, like a solve that never ended).</summary>
    void AtEnd(LogContext context);

    /// <summary>The spec lines that hold the exact text the signal quotes: related before the declarations of its packages.</summary>
    void LinkWritten(LogSignal signal, SpecLinks links);

    /// <summary>Further spec lines for this rule (the Python pin, the COPY source, the RUN that calls make): related after the declarations.</summary>
    void Link(LogSignal signal, SpecLinks links);
}

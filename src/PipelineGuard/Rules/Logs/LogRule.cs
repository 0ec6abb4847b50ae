using PipelineGuard.BuildLogs;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Logs;

/// <summary>Base of the log rules: no traits, no exit code, nothing at the end, no rule-specific spec links unless overridden.</summary>
internal abstract class LogRule : ILogRule
{
    public abstract RuleInfo Info { get; }

    public virtual LogTraits Traits => LogTraits.None;

    public abstract IReadOnlyList<LogSignature> Signatures { get; }

    public virtual bool IsLookupFailure(LogSignal signal) => false;

    public virtual bool NamesCondaPackages(LogSignal signal) => false;

    public virtual LogSignal? FromExitCode(int code, LogLine line, string step) => null;

    public virtual void AtEnd(LogContext context)
    {
    }

    public virtual void LinkWritten(LogSignal signal, SpecLinks links)
    {
    }

    public virtual void Link(LogSignal signal, SpecLinks links)
    {
    }
}

using PipelineGuard.BuildLogs;
using PipelineGuard.Model;

namespace PipelineGuard.Diagnosis;

/// <summary>What a diagnosis found: the findings to report, the ranked signals behind them, and how the log was read.</summary>
internal sealed record LogDiagnosis(IReadOnlyList<Finding> Findings, IReadOnlyList<RankedSignal> Signals, LogReadSummary Read, bool BuildFailed)
{
    /// <summary>The root causes (the signals reported as errors), in log order.</summary>
    public IEnumerable<LogSignal> RootCauses => Signals.Where(s => s.Severity == Severity.Error).Select(s => s.Signal);
}

using PipelineGuard.BuildLogs;
using PipelineGuard.Model;

namespace PipelineGuard.Diagnosis;

/// <summary>A signal with the severity it is reported at: the root cause of a failing step is an error, everything else a notice.</summary>
internal sealed record RankedSignal(LogSignal Signal, Severity Severity);

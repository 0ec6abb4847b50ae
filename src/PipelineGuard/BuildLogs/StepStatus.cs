namespace PipelineGuard.BuildLogs;

internal enum StepStatus
{
    Unknown,
    Succeeded,
    Failed,
    Cancelled,
}

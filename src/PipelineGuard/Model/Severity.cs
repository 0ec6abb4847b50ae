namespace PipelineGuard.Model;

/// <summary>How serious a finding is. The order matters: a threshold admits itself and everything above it.</summary>
internal enum Severity
{
    Notice = 1,
    Warning = 2,
    Error = 3,
}

namespace PipelineGuard.Reporting;

/// <summary>Formats a finished run. Reporters only format: they neither decide nor filter.</summary>
internal interface IReporter
{
    void Write(CheckResult result, TextWriter output);
}

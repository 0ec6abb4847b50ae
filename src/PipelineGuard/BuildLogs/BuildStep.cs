namespace PipelineGuard.BuildLogs;

/// <summary>One build step: classic <c>Step n/N : INSTRUCTION</c> or BuildKit <c>#n [stage k/N] INSTRUCTION</c>.</summary>
internal sealed class BuildStep(int segment, string header)
{
    public int Segment { get; } = segment;

    public string Header { get; } = header;

    public StepStatus Status { get; set; }

    public int? ExitCode { get; set; }

    public int FailureLine { get; set; }

    /// <summary>The last line in this step that said something succeeded ("Successfully installed", …).</summary>
    public int LastSuccessLine { get; set; }
}

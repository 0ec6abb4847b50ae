using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>The outcome of a run: sorted findings, the sources they point into, and whether the run fails.</summary>
internal sealed record CheckResult(IReadOnlyList<Finding> Findings, Workspace Workspace, Severity? FailOn)
{
    /// <summary>Findings that inline comments or the baseline suppressed, with their reasons.</summary>
    public IReadOnlyList<SuppressedFinding> SuppressedFindings { get; init; } = [];


    public int Suppressed => SuppressedFindings.Count;

    public int Files => Workspace.Documents.Count;

    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);

    public bool Failed => FailOn is { } threshold && Findings.Any(f => f.Severity >= threshold);

    /// <summary>The text of a file a finding points into, for snippets; null for files that were not read.</summary>
    public SourceText? Source(string path) => Workspace.Source(path);
}

using PipelineGuard.AzureDevOps.Api;
using PipelineGuard.Model;
using PipelineGuard.Reporting;

namespace PipelineGuard.AzureDevOps.Threads;

/// <summary>
/// The verdict as a pull-request status (genre <c>pipelineguard</c>, name <c>check</c>): failed when a finding is at or
/// above fail-on, else succeeded. A later run's status replaces it; a branch policy may require it.
/// </summary>
internal static class StatusPublisher
{
    public static readonly StatusContext Context = new("pipelineguard", "check");

    public static PullRequestStatus For(CheckResult result, string? buildUrl)
    {
        var description = $"PipelineGuard: {Count(result.Count(Severity.Error), "error")}, {Count(result.Count(Severity.Warning), "warning")}, {Count(result.Count(Severity.Notice), "notice")}";
        return new PullRequestStatus(result.Failed ? "failed" : "succeeded", description, Context, buildUrl);
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
}

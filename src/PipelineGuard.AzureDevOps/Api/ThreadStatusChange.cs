namespace PipelineGuard.AzureDevOps.Api;

/// <summary>The body of a thread update that only changes its status.</summary>
internal sealed record ThreadStatusChange(string Status);

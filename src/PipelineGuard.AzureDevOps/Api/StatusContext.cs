namespace PipelineGuard.AzureDevOps.Api;

/// <summary>A PR status's identity (GitStatusContext): a new status with the same genre and name replaces the old one.</summary>
internal sealed record StatusContext(string Genre, string Name);

namespace PipelineGuard.AzureDevOps;

/// <summary>What the Azure Repos step left to the caller: whether the API refused, so the findings must reach the log another way.</summary>
internal sealed record AzureReposOutcome(bool FallBackToLogCommands, Threads.ThreadOutcome? Threads);

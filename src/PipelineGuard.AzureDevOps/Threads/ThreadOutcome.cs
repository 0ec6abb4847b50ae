namespace PipelineGuard.AzureDevOps.Threads;

/// <summary>What a run did to the pull request's threads.</summary>
/// <param name="Inline">Threads posted on changed lines.</param>
/// <param name="InSummary">Findings listed in the new summary thread (0: none was posted).</param>
/// <param name="AlreadyPosted">Findings that a thread of an earlier run already carries.</param>
/// <param name="Fixed">Threads of earlier runs set to fixed because their findings are gone.</param>
internal sealed record ThreadOutcome(int Inline, int InSummary, int AlreadyPosted, int Fixed);

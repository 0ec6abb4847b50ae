using System.Text.Json;
using Octokit;

namespace PipelineGuard.GitHub.Reviews;

/// <summary>What a review run did.</summary>
internal sealed record ReviewOutcome(int Comments, int InBody, int AlreadyReported, bool Posted);

using System.Text.Json;
using Octokit;
using PipelineGuard.GitHub.Api;
using PipelineGuard.GitHub.Diff;
using PipelineGuard.Model;

namespace PipelineGuard.GitHub.Reviews;

/// <summary>What a review run did.</summary>
internal sealed record ReviewOutcome(int Comments, int InBody, int AlreadyReported, bool Posted);

using Octokit;
using PipelineGuard.GitHub.Api;
using PipelineGuard.Reporting;

namespace PipelineGuard.GitHub.Checks;

/// <summary>
/// One check run named "PipelineGuard" on the head commit, with every annotation. "The Checks API limits the number
/// of annotations to a maximum of 50 per API request … make multiple requests to the Update a check run endpoint.
/// Each time you update the check run, annotations are appended" (docs, Create a check run). So: create with the first
/// 50, update with each next 50; the run is completed (with its conclusion) by the request carrying the last batch.
/// </summary>
internal sealed class CheckRunPublisher(IGitHubClient client, ApiRetry retry, TimeProvider clock)
{
    public const string Name = "PipelineGuard";
    public const int BatchSize = 50;

    /// <returns>The check run's id and web address.</returns>
    public async Task<(long Id, string? Url)> Publish(GitHubSettings settings, CheckResult result, IReadOnlyList<FindingTarget> targets, CancellationToken cancellation = default)
    {
        // Errors first (AnnotationOrder): if a later batch fails, the most severe annotations are already there.
        var annotations = AnnotationOrder.MostSevereFirst(targets.Where(t => t.InRepository), t => t.Finding).Select(Annotations.Of).ToList();
        var batches = annotations.Chunk(BatchSize).ToList();
        if (batches.Count == 0)
        {
            batches.Add([]);
        }

        var title = CheckRunSummary.Title(result);
        var summary = CheckRunSummary.Markdown(result, targets);
        var conclusion = CheckRunSummary.Conclusion(result);
        var now = clock.GetUtcNow();
        NewCheckRunOutput Output(NewCheckRunAnnotation[] batch) => new(title, summary) { Annotations = batch };

        var first = new NewCheckRun(Name, settings.HeadSha)
        {
            Status = batches.Count == 1 ? CheckStatus.Completed : CheckStatus.InProgress,
            StartedAt = now,
            DetailsUrl = settings.DetailsUrl,
            Output = Output(batches[0]),
        };
        if (batches.Count == 1)
        {
            first.Conclusion = conclusion;
            first.CompletedAt = now;
        }

        var run = await retry.Run("create the check run", () => client.Check.Run.Create(settings.Owner, settings.Repository, first), cancellation).ConfigureAwait(false);
        try
        {
            for (var i = 1; i < batches.Count; i++)
            {
                var last = i == batches.Count - 1;
                var update = new CheckRunUpdate { Output = Output(batches[i]) };
                if (last)
                {
                    update.Status = CheckStatus.Completed;
                    update.Conclusion = conclusion;
                    update.CompletedAt = clock.GetUtcNow();
                }

                await retry.Run($"add annotations {(i * BatchSize) + 1}-{(i * BatchSize) + batches[i].Length} to the check run", () => client.Check.Run.Update(settings.Owner, settings.Repository, run.Id, update), cancellation).ConfigureAwait(false);
            }
        }
        catch (GitHubApiFailure)
        {
            // Do not leave the run "in progress" forever: one plain attempt to complete it, then report the failure.
            try
            {
                await client.Check.Run.Update(settings.Owner, settings.Repository, run.Id, new CheckRunUpdate
                {
                    Status = CheckStatus.Completed,
                    Conclusion = conclusion,
                    CompletedAt = clock.GetUtcNow(),
                    Output = new NewCheckRunOutput(title, summary + "\n\n(Some annotations could not be sent; see the job log.)"),
                }).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException)
            {
                // Already failing; the notice names the first failure.
            }

            throw;
        }

        return (run.Id, run.HtmlUrl);
    }
}

using PipelineGuard.Online.Http;

namespace PipelineGuard.Online.Pip;

/// <summary>Asks each index for each project's simple page (PEP 691 JSON, else PEP 503 HTML), once per (index, project).</summary>
internal static class PipLookups
{
    public static async Task<Dictionary<(string Index, string Name), ProjectLookup>> Run(
        IReadOnlyList<PipPackageUse> uses, CachedFetcher fetcher, UnverifiedHosts unverified, Action? done)
    {
        var keys = uses.SelectMany(u => u.Indexes.Select(i => (Index: i, u.Name))).Distinct().ToList();
        var tasks = keys.Select(async key =>
        {
            var answer = await fetcher.GetAsync($"{key.Index}/{key.Name}/", SimpleApiReader.Accept).ConfigureAwait(false);
            done?.Invoke();
            return (key, Lookup: Judge(key.Index, key.Name, answer, unverified));
        });
        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        return results.ToDictionary(r => r.key, r => r.Lookup);
    }

    private static ProjectLookup Judge(string index, string name, HttpAnswer answer, UnverifiedHosts unverified)
    {
        if (answer.IsNotFound)
        {
            return ProjectLookup.NotFound;
        }

        if (answer.IsOk && SimpleApiReader.Read(name, answer.Body, answer.ContentType) is { } page)
        {
            return new ProjectLookup(page, false);
        }

        var reason = answer.Failure ?? (answer.IsOk ? "an answer that is neither PEP 691 JSON nor PEP 503 HTML" : $"HTTP {answer.Status}");
        unverified.Add(index, reason, "pip packages", name);
        return ProjectLookup.Unknown;
    }
}

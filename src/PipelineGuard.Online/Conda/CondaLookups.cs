using PipelineGuard.Online.Http;
using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Online.Conda;

/// <summary>
/// Reads each channel's packages for <c>linux-64</c> and <c>noarch</c> (the subdirs an Azure ML image installs from).
/// <c>current_repodata.json</c> (the newest versions only, a fraction of the size) is read first; only when some
/// dependency on the channel is not satisfied by it is the whole <c>repodata.json</c> read, so an answer of "missing"
/// always rests on the full index. A channel is "read" only when both subdirs were.
/// </summary>
internal static class CondaLookups
{
    public static readonly string[] Subdirs = ["linux-64", "noarch"];

    public static async Task<(Dictionary<(string Channel, string Name), IReadOnlyList<string>> Packages, HashSet<string> Read)> Run(
        IReadOnlyList<CondaPackageUse> uses, CachedFetcher fetcher, UnverifiedHosts unverified, Action? done)
    {
        var channels = uses.SelectMany(u => u.Channels).Distinct(StringComparer.Ordinal).ToList();
        var results = await Task.WhenAll(channels.Select(async channel =>
        {
            var wanted = uses.Where(u => u.Channels.Contains(channel)).ToList();
            var current = await ReadChannel(channel, "current_repodata.json", fetcher).ConfigureAwait(false);
            var index = current.Index;
            if (index is null || wanted.Any(u => !Satisfied(u, index)))
            {
                var full = await ReadChannel(channel, "repodata.json", fetcher).ConfigureAwait(false);
                index = full.Index;
                if (index is null)
                {
                    foreach (var use in wanted)
                    {
                        unverified.Add(channel, full.Failure!, "conda packages", use.Name);
                    }
                }
            }

            done?.Invoke();
            return (channel, index);
        })).ConfigureAwait(false);

        var packages = new Dictionary<(string, string), IReadOnlyList<string>>();
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (channel, index) in results.Where(r => r.index is not null))
        {
            read.Add(channel);
            foreach (var (name, versions) in index!)
            {
                packages[(channel, name)] = [.. versions.Order(StringComparer.Ordinal)];
            }
        }

        return (packages, read);
    }

    /// <summary>Both subdirs of one file name merged, or the first failure.</summary>
    private static async Task<(Dictionary<string, HashSet<string>>? Index, string? Failure)> ReadChannel(string channel, string file, CachedFetcher fetcher)
    {
        var merged = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var subdir in Subdirs)
        {
            var answer = await fetcher.GetReducedAsync($"{channel}/{subdir}/{file}", "application/json", "names-and-versions", RepodataReader.Reduce).ConfigureAwait(false);
            if (answer.IsNotFound && subdir == "noarch")
            {
                // A channel may have no noarch packages at all.
                continue;
            }

            if (!answer.IsOk || RepodataReader.Read(answer.Body) is not { } index)
            {
                return (null, answer.Failure ?? (answer.IsOk ? "an answer that is not conda repodata" : $"HTTP {answer.Status} for {subdir}/{file}"));
            }

            foreach (var (name, versions) in index)
            {
                if (!merged.TryGetValue(name, out var all))
                {
                    merged[name] = all = new HashSet<string>(StringComparer.Ordinal);
                }

                all.UnionWith(versions);
            }
        }

        return (merged, null);
    }

    private static bool Satisfied(CondaPackageUse use, Dictionary<string, HashSet<string>> index) =>
        index.TryGetValue(use.Name, out var versions) && Admits(use, versions);

    /// <summary>Some version the channel has matches the dependency's version spec (any, without one).</summary>
    internal static bool Admits(CondaPackageUse use, IEnumerable<string> versions) =>
        use.Dependency.Spec?.Version is not { } spec || versions.Any(v => CondaVersion.TryParse(v, out var parsed, out _) && spec.Contains(parsed));
}

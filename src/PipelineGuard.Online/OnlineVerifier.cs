using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Online.Cache;
using PipelineGuard.Online.Conda;
using PipelineGuard.Online.Http;
using PipelineGuard.Online.Pip;
using PipelineGuard.Online.Registry;
using PipelineGuard.Online.Rules;

namespace PipelineGuard.Online;

/// <summary>
/// The online step of a <c>check --online</c> run (docs/online.md): from the workspace, gather what to look up; ask the
/// indexes, channels and registries (through the cache, in parallel, bounded); hand the answers as immutable
/// <see cref="IndexFacts"/> to the online rules, which are pure functions like the static ones.
/// </summary>
internal sealed class OnlineVerifier(OnlineOptions options, IndexTransport transport, TimeProvider? clock = null)
{
    public static IReadOnlyList<IOnlineRule> Rules { get; } =
    [
        new PackageNotOnIndex(),
        new VersionNotOnIndex(),
        new NoCompatibleDistribution(),
        new CondaPackageNotOnChannels(),
        new ImageTagNotFound(),
    ];

    /// <summary>
    /// Runs the lookups and the rules that <paramref name="isOff"/> does not turn off (a rule turned off asks nothing).
    /// <paramref name="progress"/> hears (what, done, total) as lookups finish.
    /// </summary>
    public OnlineOutcome Verify(Workspace workspace, Func<string, bool> isOff, Action<string, int, int>? progress = null)
    {
        var rules = Rules.Where(r => !isOff(r.Info.Id)).ToList();
        if (rules.Count == 0)
        {
            return new OnlineOutcome([], []);
        }

        var cache = options.CacheDirectory is { } directory ? new ResponseCache(directory) : null;
        var fetcher = new CachedFetcher(transport, cache, options, clock ?? TimeProvider.System);
        var unverified = new UnverifiedHosts();
        var facts = Task.Run(() => Gather(workspace, rules, fetcher, unverified, progress)).GetAwaiter().GetResult();
        var findings = rules.SelectMany(r => r.Check(workspace, facts, options)).ToList();
        return new OnlineOutcome(findings, unverified.Notices());
    }

    private async Task<IndexFacts> Gather(Workspace workspace, List<IOnlineRule> rules, CachedFetcher fetcher, UnverifiedHosts unverified, Action<string, int, int>? progress)
    {
        var pipUses = rules.Any(r => r.Info.Id is "PG201" or "PG202" or "PG203") ? PipPackageUses.Of(workspace, options.IndexUrl) : [];
        var condaUses = rules.Any(r => r.Info.Id == "PG204") ? CondaPackageUses.Of(workspace, options.CondaChannelAlias) : [];
        var imageUses = rules.Any(r => r.Info.Id == "PG205") ? ImageUses.Of(workspace) : [];
        var total = imageUses.DistinctBy(u => u.Key).Count() + pipUses.SelectMany(u => u.Indexes.Select(i => (i, u.Name))).Distinct().Count() + condaUses.SelectMany(u => u.Channels).Distinct().Count();
        var done = 0;
        var gate = new object();
        void Done()
        {
            lock (gate)
            {
                progress?.Invoke("index lookups", ++done, total);
            }
        }

        progress?.Invoke("index lookups", 0, total);
        var pip = PipLookups.Run(pipUses, fetcher, unverified, Done);
        var conda = CondaLookups.Run(condaUses, fetcher, unverified, Done);
        var images = RegistryLookups.Run(imageUses, fetcher, transport, unverified, Done);
        await Task.WhenAll(pip, conda, images).ConfigureAwait(false);
        var (packages, channels) = await conda.ConfigureAwait(false);
        return new IndexFacts { Projects = await pip.ConfigureAwait(false), CondaPackages = packages, ReadChannels = channels, Images = await images.ConfigureAwait(false) };
    }
}

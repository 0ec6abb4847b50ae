using System.Collections.Concurrent;

namespace PipelineGuard.Online;

/// <summary>
/// The failure policy: an index, channel or registry that could not be asked (unreachable, a timeout, offline without
/// a cached answer) gives ONE notice, naming the host, why, and what was therefore not verified. It is never a
/// finding: it cannot fail the run, and the rules stay silent on what it would have answered.
/// </summary>
internal sealed class UnverifiedHosts
{
    private readonly ConcurrentDictionary<string, (string Reason, ConcurrentBag<(string Kind, string Name)> What)> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="url">What was asked (its host names the notice).</param>
    /// <param name="kind">What kind of thing was not verified, plural: "pip packages", "conda packages", "images".</param>
    public void Add(string url, string reason, string kind, string name)
    {
        var host = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : url;
        _hosts.GetOrAdd(host, _ => (reason, [])).What.Add((kind, name));
    }

    /// <summary>One line per host, in host order: "notice: host: why; not verified: pip packages a, b; images c".</summary>
    public IReadOnlyList<string> Notices() =>
    [
        .. _hosts.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h =>
        {
            var groups = h.Value.What.Distinct().GroupBy(w => w.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var names = g.Select(w => w.Name).Order(StringComparer.Ordinal).ToList();
                return $"{g.Key} {string.Join(", ", names.Take(10))}{(names.Count > 10 ? $" and {names.Count - 10} more" : string.Empty)}";
            });
            return $"notice: {h.Key}: {h.Value.Reason}; not verified: {string.Join("; ", groups)}";
        }),
    ];
}

using System.Text;
using System.Text.Json;

namespace PipelineGuard.Online.Conda;

/// <summary>
/// A channel subdir's <c>repodata.json</c> (or <c>current_repodata.json</c>) reduced to what PG204 needs: every package
/// name (lower case) with its versions. conda-forge's full linux-64 index is hundreds of megabytes, so it is read as a
/// stream into the few fields used and kept (and cached) as the compact text of <see cref="Reduce"/>, one line per name:
/// <c>name&lt;TAB&gt;version&lt;TAB&gt;version…</c>.
/// </summary>
internal static class RepodataReader
{
    /// <summary>The compact text of a repodata stream; an empty string when it is not repodata (read as no answer).</summary>
    public static async Task<string> Reduce(Stream stream, CancellationToken cancel)
    {
        RepodataDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync(stream, RepodataJson.Default.RepodataDocument, cancel).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return string.Empty;
        }

        if (document is null || (document.Packages is null && document.CondaPackages is null))
        {
            return string.Empty;
        }

        var index = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var records = (document.Packages?.Values ?? Enumerable.Empty<RepodataRecord>()).Concat(document.CondaPackages?.Values ?? Enumerable.Empty<RepodataRecord>());
        foreach (var record in records)
        {
            if (record.Name is { Length: > 0 } name && record.Version is { Length: > 0 } version)
            {
                var lower = name.ToLowerInvariant();
                if (!index.TryGetValue(lower, out var versions))
                {
                    index[lower] = versions = new SortedSet<string>(StringComparer.Ordinal);
                }

                versions.Add(version);
            }
        }

        var text = new StringBuilder("repodata\n");
        foreach (var (name, versions) in index)
        {
            text.Append(name).Append('\t').AppendJoin('\t', versions).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The names and versions of a compact text, or null when the text is not one (no answer).</summary>
    public static Dictionary<string, HashSet<string>>? Read(string compact)
    {
        if (!compact.StartsWith("repodata\n", StringComparison.Ordinal))
        {
            return null;
        }

        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in compact.Split('\n').Skip(1).Where(l => l.Length > 0))
        {
            var parts = line.Split('\t');
            result[parts[0]] = [.. parts.Skip(1)];
        }

        return result;
    }
}

using PipelineGuard.Documents.Docker;
using PipelineGuard.Environments;

namespace PipelineGuard.Analysis;

/// <summary>The build context as the builder receives it: the snapshot's files and folders minus what .dockerignore leaves out.</summary>
internal sealed class BuildContextView(BuildContextSnapshot snapshot, DockerIgnore ignore)
{
    public string DisplayPath => snapshot.DisplayPath;

    public IEnumerable<string> Entries => snapshot.Files.Concat(snapshot.Directories);

    /// <summary>
    /// A file is present unless excluded. A folder is present unless excluded and nothing under it is put back by
    /// a '!' pattern (the builder then still creates it). <paramref name="path"/> is cleaned and relative; "" is the root.
    /// </summary>
    public ContextLookup Find(string path)
    {
        if (path.Length == 0)
        {
            return new ContextLookup(ContextPathState.Present);
        }

        var isDirectory = snapshot.Directories.Contains(path);
        if (!isDirectory && !snapshot.Files.Contains(path))
        {
            return new ContextLookup(ContextPathState.Missing);
        }

        var verdict = ignore.Evaluate(path);
        if (!verdict.Excluded)
        {
            return new ContextLookup(ContextPathState.Present);
        }

        var prefix = path + "/";
        var putBack = isDirectory && ignore.HasExceptions &&
            Entries.Any(e => e.StartsWith(prefix, StringComparison.Ordinal) && !ignore.Evaluate(e).Excluded);
        return putBack ? new ContextLookup(ContextPathState.Present) : new ContextLookup(ContextPathState.Excluded, verdict.By);
    }

    /// <summary>
    /// Whether a COPY wildcard matches anything the builder receives (BuildKit matches the whole relative path with
    /// <c>filepath.Match</c>), else the first match that .dockerignore left out. Files first: they need no scan below them.
    /// </summary>
    public (bool AnyPresent, string? ExcludedPath, DockerIgnorePattern? ExcludedBy) Glob(PathGlob glob)
    {
        (string? Path, DockerIgnorePattern? By) excluded = (null, null);
        foreach (var entry in snapshot.Files.Where(glob.IsMatch).Order(StringComparer.Ordinal)
                     .Concat(snapshot.Directories.Where(glob.IsMatch).Order(StringComparer.Ordinal)))
        {
            var lookup = Find(entry);
            if (lookup.State == ContextPathState.Present)
            {
                return (true, null, null);
            }

            excluded = excluded.Path is null ? (entry, lookup.ExcludedBy) : excluded;
        }

        return (false, excluded.Path, excluded.By);
    }

    /// <summary>Entries whose last segment is <paramref name="name"/> in any case: "did you mean" candidates.</summary>
    public IReadOnlyList<string> SameName(string name) =>
        Entries.Where(e => string.Equals(e[(e.LastIndexOf('/') + 1)..], name, StringComparison.OrdinalIgnoreCase))
            .Where(e => Find(e).State == ContextPathState.Present)
            .Order(StringComparer.Ordinal)
            .Take(3)
            .ToList();
}

namespace PipelineGuard.IO;

/// <summary>
/// The one way PipelineGuard looks at or reads a file of the repository it checks. Its inputs are written by whoever
/// opens the pull request, and its output (annotations, review comments posted through the API, where nothing is
/// masked) goes back to that person, so a symbolic link must never make it read a file of the CI machine
/// (<c>requirements.txt -&gt; ../../.ssh/id_rsa</c>) or the checkout's credentials (<c>requirements.txt -&gt; .git/config</c>).
/// <para>
/// Every path is resolved as the kernel would, one component at a time: a link anywhere in it (a folder link, a chain
/// of links, a link whose target holds <c>..</c> or another link) is followed, and a loop ends after
/// <see cref="MaxLinkHops"/> hops. Only a real path inside the real root and outside every <c>.git</c> folder is read,
/// and it is read by that real path, so what was checked is what is opened.
/// </para>
/// </summary>
internal sealed class RepositoryFiles(IFileSystem fs)
{
    /// <summary>Linux's own limit on links followed in one lookup (MAXSYMLINKS); a longer chain is a loop for us too.</summary>
    public const int MaxLinkHops = 40;

    // Files are read in parallel (WorkspaceBuilder): the cache is shared by the readers.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _realRoots = new(StringComparer.Ordinal);

    /// <summary>Where <paramref name="path"/> really leads and whether it may be read, judged against <paramref name="root"/>.</summary>
    public GuardedPath Inspect(string path, string root) =>
        // The walk inspects each file and the loader inspects it again before reading: once is enough per run.
        (GuardedPath)_inspected.GetOrAdd(path + "\0" + root, _ => InspectUncached(path, root));

    // A string key (no file name holds NUL) and a boxed value: the framework's shared code for reference types is
    // precompiled, while an instantiation over a struct would be compiled by the JIT at start-up (docs/performance.md).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _inspected = new(StringComparer.Ordinal);

    private GuardedPath InspectUncached(string path, string root)
    {
        var real = Resolve(path);
        if (real is null)
        {
            return new GuardedPath(PathStatus.LinkLoop, path);
        }

        var realRoot = RealRoot(root);
        if (!PathContainment.IsUnder(real, realRoot))
        {
            return new GuardedPath(PathStatus.OutsideRoot, real);
        }

        if (InGitFolder(real, realRoot))
        {
            return new GuardedPath(PathStatus.GitFolder, real);
        }

        var status = fs.DirectoryExists(real) ? PathStatus.Directory : fs.FileExists(real) ? PathStatus.File : PathStatus.Missing;
        return new GuardedPath(status, real);
    }

    /// <summary>
    /// Reads a file that <see cref="Inspect"/> allows, up to <paramref name="maxBytes"/>; anything else comes back
    /// without content. Never throws for a file that cannot be read: the failure is in <see cref="GuardedRead.Failure"/>.
    /// </summary>
    public GuardedRead Read(string path, string root, long maxBytes)
    {
        var guarded = Inspect(path, root);
        if (guarded.Status != PathStatus.File)
        {
            return new GuardedRead(guarded, null, 0, null);
        }

        try
        {
            var length = fs.FileLength(guarded.RealPath);
            if (length > maxBytes)
            {
                return new GuardedRead(guarded, null, length, null);
            }

            // A FIFO, a socket or a device reports length 0 (so do /proc files, which are outside every root anyway):
            // a file of length 0 is never opened, so no read can block. An empty regular file has nothing to read.
            var bytes = length == 0 ? [] : fs.ReadAllBytes(guarded.RealPath);
            return bytes.LongLength > maxBytes
                ? new GuardedRead(guarded, null, bytes.LongLength, null)
                : new GuardedRead(guarded, bytes, bytes.LongLength, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new GuardedRead(guarded, null, 0, e.Message);
        }
    }

    /// <summary>The root with its own links resolved (a checkout may itself sit behind a link), once per root.</summary>
    public string RealRoot(string root)
    {
        // A root that is itself a loop cannot contain anything: keep it as written, and nothing resolves under it.
        return _realRoots.GetOrAdd(root, r => Resolve(r) ?? Path.GetFullPath(r));
    }

    /// <summary>
    /// The path with every link in it followed, component by component, as the kernel resolves it; null for a loop.
    /// Each <c>..</c> of a link's target applies to the link's real folder, never to the path as written.
    /// </summary>
    private string? Resolve(string path)
    {
        // The files of one folder share its resolution: resolve each folder once (thousands of files in a monorepo
        // would otherwise read every link of the path again), then only the file's own name.
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }

        var folder = Path.GetDirectoryName(full);
        var name = Path.GetFileName(full);
        if (folder is null || name.Length == 0 || name is "." or "..")
        {
            return ResolveComponents(full);
        }

        var realFolder = _realFolders.GetOrAdd(folder, ResolveComponents);
        if (realFolder is null)
        {
            return null;
        }

        var file = Path.Join(realFolder, name);
        return ReadLink(file) is null ? file : ResolveComponents(full);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _realFolders = new(StringComparer.Ordinal);

    private string? ResolveComponents(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }

        var top = Path.GetPathRoot(full) ?? string.Empty;
        var pending = new Stack<string>();
        PushComponents(pending, full[top.Length..]);
        var current = top;
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            var target = ReadLink(next);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                var targetTop = Path.GetPathRoot(target) ?? string.Empty;
                current = targetTop.Length > 0 ? targetTop : top;
                PushComponents(pending, target[targetTop.Length..]);
            }
            else
            {
                PushComponents(pending, target);
            }
        }

        return current;
    }

    private string? ReadLink(string path)
    {
        try
        {
            return fs.ReadLink(path) is { Length: > 0 } target ? target : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // An unreadable link is no way out of the root: treat the name as plain, and the read of it fails later.
            return null;
        }
    }

    /// <summary>Pushes the components of a relative path so that the first one is popped first.</summary>
    private static void PushComponents(Stack<string> pending, string relative)
    {
        var parts = relative.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    /// <summary>
    /// Does the real path pass through a <c>.git</c> folder of the repository (its own, a submodule's, a nested clone's)?
    /// Case-insensitive, since macOS and Windows open <c>.GIT/config</c> as <c>.git/config</c>.
    /// </summary>
    private static bool InGitFolder(string real, string realRoot)
    {
        var relative = Path.GetRelativePath(realRoot, real);
        return relative.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries)
            .Any(p => p.Equals(".git", StringComparison.OrdinalIgnoreCase));
    }
}

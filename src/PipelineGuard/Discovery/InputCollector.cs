using PipelineGuard.IO;
using PipelineGuard.Model;

namespace PipelineGuard.Discovery;

/// <summary>Turns the PATH arguments into candidate files: files as given, folders walked (docs/usage.md, "What is read").</summary>
internal sealed class InputCollector(IFileSystem fs, RepositoryFiles guard, Func<string, bool>? excluded = null)
{
    public IReadOnlyList<Candidate> Collect(IReadOnlyList<string> paths)
    {
        var cwd = Path.GetFullPath(fs.CurrentDirectory);
        var cwdRoot = RepositoryRoot.Find(fs, cwd) ?? cwd;
        var result = new List<Candidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths.Count == 0 ? ["."] : paths)
        {
            var full = Path.GetFullPath(Path.Combine(cwd, path));
            if (PathUtil.IsUnder(full, cwdRoot) && guard.Inspect(full, cwdRoot) is { IsRefused: true } refused)
            {
                // A path the pull request turned into a link out of the repository, into .git or round a loop: not
                // opened, and a folder not walked, so even its file names stay unread.
                throw new UsageException($"{path}: {refused.Reason}");
            }

            if (fs.FileExists(full))
            {
                var root = PathUtil.IsUnder(full, cwdRoot) ? cwdRoot : RepositoryRoot.Find(fs, full) ?? Path.GetDirectoryName(full)!;
                if (!IsKnownName(Path.GetFileName(full)))
                {
                    throw new UsageException($"{path}: not a file kind PipelineGuard reads (conda YAML, Azure ML environment YAML/JSON, requirements*.txt, Dockerfile)");
                }

                if (seen.Add(full))
                {
                    result.Add(new Candidate(full, root, Explicit: true));
                }
            }
            else if (fs.DirectoryExists(full))
            {
                Walk(full, PathUtil.IsUnder(full, cwdRoot) ? cwdRoot : RepositoryRoot.Find(fs, full) ?? full, result, seen);
            }
            else
            {
                throw new UsageException($"{path}: no such file or directory");
            }
        }

        return result;
    }

    public static bool IsKnownName(string name) =>
        FileNames.IsYaml(name) || FileNames.IsJson(name) || FileNames.IsDockerfile(name) || FileNames.IsRequirements(name);

    private void Walk(string directory, string root, List<Candidate> result, HashSet<string> seen)
    {
        // Iterative, sorted, depth-first walk: deterministic order, no recursion depth limit. The folders are read
        // beforehand (ListAll), so this loop makes no system call.
        var listings = ListAll(directory, root);
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            if (!listings.TryGetValue(dir, out var entries))
            {
                continue;
            }

            foreach (var (path, _) in entries.Where(e => e.IsDirectory).Reverse())
            {
                if (IsWalked(path, root))
                {
                    pending.Push(path);
                }
            }

            foreach (var (path, _) in entries.Where(e => !e.IsDirectory))
            {
                if (IsKnownName(Path.GetFileName(path)) && !IsExcluded(path, root) && seen.Add(path))
                {
                    result.Add(new Candidate(path, root, Explicit: false));
                }
            }
        }
    }

    /// <summary>
    /// The sorted entries of every folder the walk enters, read a level at a time with the folders of a level in
    /// parallel: a monorepo is thousands of directory reads, each waiting on the kernel (docs/performance.md). A folder
    /// that cannot be read has no listing and is skipped, as before.
    /// </summary>
    private Dictionary<string, List<(string Path, bool IsDirectory)>> ListAll(string directory, string root)
    {
        var listings = new Dictionary<string, List<(string Path, bool IsDirectory)>>(StringComparer.Ordinal);
        var level = new List<string> { directory };
        while (level.Count > 0)
        {
            var read = new List<(string Path, bool IsDirectory)>?[level.Count];
            ParallelWork.For(level.Count, i =>
            {
                try
                {
                    read[i] = [.. fs.EnumerateEntries(level[i]).OrderBy(e => e.Path, StringComparer.Ordinal)];
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    read[i] = null;
                }
            });

            var next = new List<string>();
            for (var i = 0; i < level.Count; i++)
            {
                if (read[i] is not { } entries)
                {
                    continue;
                }

                listings[level[i]] = entries;
                next.AddRange(entries.Where(e => e.IsDirectory && IsWalked(e.Path, root)).Select(e => e.Path));
            }

            level = next;
        }

        return listings;
    }

    private bool IsWalked(string directory, string root) =>
        !FileNames.SkippedDirectories.Contains(Path.GetFileName(directory)) && !IsExcluded(directory, root);

    private bool IsExcluded(string path, string root) =>
        excluded is not null && excluded(PathUtil.ToDisplay(Path.GetRelativePath(root, path)));
}

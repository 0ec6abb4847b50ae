using PipelineGuard.IO;
using PipelineGuard.Model;

namespace PipelineGuard.Discovery;

/// <summary>
/// The guard for files that the person running PipelineGuard names on the command line or in the action's inputs
/// (<c>--config</c>, <c>--baseline</c>, <c>--build-log</c>, <c>--output</c>, <c>--write-baseline</c>). A path inside the
/// repository may have been replaced by a link in the pull request under check (<c>.pipelineguard.yml -&gt; .git/config</c>,
/// <c>pg.sarif -&gt; ~/.bashrc</c>), so inside the repository it passes <see cref="RepositoryFiles"/> like every other
/// read; a path outside the repository as written (<c>/tmp/build.log</c>) is the operator's own choice and is used as given.
/// </summary>
internal sealed class NamedFileGuard(IFileSystem fs)
{
    private readonly RepositoryFiles _guard = new(fs);

    /// <summary>The path to open for <paramref name="fullPath"/>; a usage error naming <paramref name="shownAs"/> when the guard refuses it.</summary>
    public string Allow(string fullPath, string shownAs)
    {
        var cwd = Path.GetFullPath(fs.CurrentDirectory);
        var root = RepositoryRoot.Find(fs, cwd) ?? cwd;
        if (!PathUtil.IsUnder(fullPath, root))
        {
            return fullPath;
        }

        var guarded = _guard.Inspect(fullPath, root);
        return guarded.IsRefused ? throw new UsageException($"{shownAs}: {guarded.Reason}") : guarded.RealPath;
    }
}

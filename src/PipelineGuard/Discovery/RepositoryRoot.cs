using PipelineGuard.IO;

namespace PipelineGuard.Discovery;

internal static class RepositoryRoot
{
    /// <summary>
    /// The repository a path lies in: the nearest folder, from the path up, that holds <c>.git</c> (a folder, or a
    /// file in worktrees and submodules). References may go anywhere inside it, also above the working directory
    /// (a monorepo's CI step often runs in a sub-folder); null outside any repository.
    /// </summary>
    public static string? Find(IFileSystem fs, string path)
    {
        for (var dir = fs.DirectoryExists(path) ? path : Path.GetDirectoryName(path); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var git = Path.Combine(dir, ".git");
            if (fs.DirectoryExists(git) || fs.FileExists(git))
            {
                return dir;
            }
        }

        return null;
    }
}

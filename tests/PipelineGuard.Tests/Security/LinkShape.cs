namespace PipelineGuard.Tests.Security;

/// <summary>
/// One way a pull request can make a path lead somewhere else: <see cref="Plant"/> creates the link at a path of the
/// repository, aimed at <c>outside/&lt;secret&gt;</c> (or the <c>.git</c> folder, or round a loop), and returns the words
/// PipelineGuard must answer with.
/// </summary>
internal sealed record LinkShape(string Name, Func<HostileTree, string, string, bool, string> Plant)
{
    public const string Outside = "points outside the repository";
    public const string GitFolder = "points into a .git folder";
    public const string Loop = "loop of symbolic links";

    public override string ToString() => Name;

    /// <summary>The relative text of a link at <paramref name="linkAt"/> (repository-relative) that leads to <paramref name="target"/>.</summary>
    private static string Relative(HostileTree tree, string linkAt, string target) =>
        Path.GetRelativePath(Path.GetDirectoryName(tree.InRepo(linkAt))!, target);

    private static string OutsideTarget(HostileTree tree, string secret, bool folder) => Path.Combine(tree.Outside, folder ? "dir" : secret);

    public static IReadOnlyList<LinkShape> All { get; } =
    [
        new("absolute", (t, at, secret, folder) =>
        {
            t.Link(at, OutsideTarget(t, secret, folder));
            return Outside;
        }),
        new("relative", (t, at, secret, folder) =>
        {
            t.Link(at, Relative(t, at, OutsideTarget(t, secret, folder)));
            return Outside;
        }),
        .. Enumerable.Range(2, 4).Select(hops => new LinkShape($"chain-{hops}", (t, at, secret, folder) =>
        {
            // at -> .hop-1 -> .hop-2 -> ... -> outside: every hop but the last stays inside the repository.
            t.Link(at, Relative(t, at, t.InRepo(".hop-1")));
            for (var i = 1; i < hops; i++)
            {
                t.Link($".hop-{i}", i == hops - 1 ? Relative(t, $".hop-{i}", OutsideTarget(t, secret, folder)) : $".hop-{i + 1}");
            }

            return Outside;
        })),
        new("through-a-folder-link", (t, at, secret, folder) =>
        {
            t.Link("via", "../outside");
            t.Link(at, Relative(t, at, t.InRepo(Path.Combine("via", folder ? "dir" : secret))));
            return Outside;
        }),
        new("dot-dot-after-a-folder-link", (t, at, secret, folder) =>
        {
            // Written, 'via2/..' is the repository; the kernel resolves the link first, so it is outside/.
            t.Link("via2", "../outside/dir");
            t.Link(at, Relative(t, at, t.Repo) + "/via2/../" + (folder ? "dir" : secret));
            return Outside;
        }),
        new("up-and-back-down", (t, at, secret, folder) =>
        {
            t.Link(at, Relative(t, at, t.Repo) + "/../repo/../outside/" + (folder ? "dir" : secret));
            return Outside;
        }),
        new("proc-self", (t, at, _, folder) =>
        {
            t.Link(at, folder ? "/proc/self/cwd" : "/proc/self/environ");
            return Outside;
        }),
        new("git-config", (t, at, _, folder) =>
        {
            t.Link(at, Relative(t, at, t.InRepo(folder ? ".git" : ".git/config")));
            return GitFolder;
        }),
        new("git-through-a-folder-link", (t, at, _, folder) =>
        {
            t.Link("gitlink", ".git");
            t.Link(at, Relative(t, at, t.InRepo(folder ? "gitlink" : "gitlink/config")));
            return GitFolder;
        }),
        new("loop", (t, at, _, _) =>
        {
            t.Link(at, Relative(t, at, t.InRepo(".loop-a")));
            t.Link(".loop-a", ".loop-b");
            t.Link(".loop-b", ".loop-a");
            return Loop;
        }),
        new("self-loop", (t, at, _, _) =>
        {
            t.Link(at, Path.GetFileName(at));
            return Loop;
        }),
        new("chain-of-41", (t, at, _, folder) =>
        {
            // Longer than the kernel follows (40), even though it ends at a harmless file inside the repository.
            if (folder)
            {
                Directory.CreateDirectory(t.InRepo(".harmless"));
            }
            else
            {
                t.Write(".harmless", "numpy==1.26.4\n");
            }

            t.Link(at, Relative(t, at, t.InRepo(".long-1")));
            for (var i = 1; i <= 40; i++)
            {
                t.Link($".long-{i}", i == 40 ? ".harmless" : $".long-{i + 1}");
            }

            return Loop;
        }),
    ];
}

using System.Text;
using CsCheck;
using PipelineGuard.IO;

namespace PipelineGuard.Tests.Security;

/// <summary>
/// Random trees of files, folders and links on the real disk (links relative and absolute, with <c>..</c>, into
/// <c>.git</c>, out of the repository, to themselves, into <c>/proc</c>), probed at every path. Every file holds its
/// own real path, so whatever is read says where it came from, and the kernel's own reading of the same path is the
/// oracle. CsCheck shrinks a failing tree to a smallest one.
/// </summary>
[NonParallelizable]
public sealed class RepositoryFilesPropertyTests
{
    private static readonly string[] Places = ["a", "b", "d", "d/a", "d/b", "d/e", "d/e/a", "e", "e/a", ".git/a"];

    private static readonly Gen<Entry[]> Trees =
        Gen.Select(Gen.Int[0, Places.Length - 1], Gen.Int[0, 2], Gen.Int[0, 7], Gen.Int[0, Places.Length - 1], Gen.Int[0, 3])
            .Select((place, kind, target, other, ups) => new Entry(place, kind, target, other, ups))
            .Array[1, 12];

    [SetUp]
    public void OnlyWhereLinksAreOrdinary() =>
        Assume.That(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "symbolic links need privileges on Windows");

    [Test]
    public void No_read_ever_leaves_the_root_and_every_allowed_read_is_what_the_kernel_opens() =>
        Trees.Sample(CheckTree, iter: 150, threads: 1, print: Describe);

    private static void CheckTree(Entry[] entries)
    {
        var top = Path.Combine(Path.GetTempPath(), "pg-prop-" + Guid.NewGuid().ToString("N"));
        var repo = Path.Combine(top, "repo");
        try
        {
            Build(top, repo, entries);
            var guard = new RepositoryFiles(new PhysicalFileSystem(repo));
            foreach (var probe in Probes())
            {
                var path = Path.Combine(repo, probe);
                var read = guard.Read(path, repo, 1 << 20);
                if (read.Bytes is { } bytes)
                {
                    var origin = Encoding.UTF8.GetString(bytes);
                    Assert.That(IsAllowed(origin, repo), Is.True, $"{probe}: read {origin}");
                }

                var kernel = KernelRead(path);
                if (kernel is not null && !kernel.StartsWith(top, StringComparison.Ordinal))
                {
                    // The kernel opened something that is not of this tree (/proc/self/environ): never ours to read.
                    Assert.That(read.Bytes, Is.Null, $"{probe}: read a file of the machine");
                }
                else if (kernel is not null && read.Path.Status != PathStatus.LinkLoop)
                {
                    // The kernel opened a file: the guard must agree on which one, and refuse exactly the forbidden ones.
                    Assert.That(read.Path.RealPath, Is.EqualTo(kernel), $"{probe}: the guard and the kernel disagree");
                    Assert.That(read.Bytes is not null, Is.EqualTo(IsAllowed(kernel, repo)), $"{probe}: {read.Path.Status}");
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(top, recursive: true);
            }
            catch (IOException)
            {
                // A loop of links can trip the delete; the temporary folder is the system's to clean then.
            }
        }
    }

    /// <summary>Every place, and every place seen through every other (so that folder links are walked through), plus some '..'.</summary>
    private static IEnumerable<string> Probes() =>
        Places.Concat(from a in Places from b in new[] { "a", "b", "e/a", "config", "s" } select a + "/" + b)
            .Concat(Places.Select(p => p + "/../a"));

    private static bool IsAllowed(string realPath, string repo) =>
        realPath.StartsWith(repo + "/", StringComparison.Ordinal) && !realPath[repo.Length..].Contains("/.git/", StringComparison.Ordinal);

    /// <summary>What the kernel opens for this path: the file's content is its own real path. Null when it cannot open it.</summary>
    private static string? KernelRead(string path)
    {
        try
        {
            return File.Exists(path) && !Directory.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void Build(string top, string repo, Entry[] entries)
    {
        var outside = Path.Combine(top, "outside");
        Directory.CreateDirectory(Path.Combine(outside, "d"));
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        foreach (var file in new[] { Path.Combine(outside, "s"), Path.Combine(outside, "d", "s"), Path.Combine(outside, "a"), Path.Combine(repo, ".git", "config") })
        {
            File.WriteAllText(file, file);
        }

        foreach (var entry in entries)
        {
            var place = Places[entry.Place];
            var path = Path.Combine(repo, place);
            try
            {
                // Create only along real folders, so that a file's content (its path as written) is its real path.
                if (Path.Exists(path) || File.Exists(path) || ThroughALink(repo, place))
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                switch (entry.Kind)
                {
                    case 0:
                        File.WriteAllText(path, path);
                        break;
                    case 1:
                        Directory.CreateDirectory(path);
                        break;
                    default:
                        File.CreateSymbolicLink(path, Target(entry, place, repo, outside));
                        break;
                }
            }
            catch (IOException)
            {
                // A parent that is a file or a dangling link: this entry simply is not in the tree.
            }
        }
    }

    private static bool ThroughALink(string repo, string place)
    {
        var parts = place.Split('/');
        var current = repo;
        foreach (var part in parts[..^1])
        {
            current = Path.Combine(current, part);
            if (new FileInfo(current).LinkTarget is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static string Target(Entry entry, string place, string repo, string outside)
    {
        var up = string.Concat(Enumerable.Repeat("../", entry.Ups));
        var other = Places[entry.Other];
        return entry.Target switch
        {
            0 => up + other,
            1 => Path.Combine(repo, other),
            2 => Path.Combine(outside, "s"),
            3 => up + "outside/s",
            4 => up + ".git/config",
            5 => Path.GetFileName(place),
            6 => "/proc/self/environ",
            _ => up + "outside",
        };
    }

    private static string Describe(Entry[] entries) =>
        string.Join("; ", entries.Select(e => $"{Places[e.Place]} {(e.Kind switch { 0 => "file", 1 => "dir", _ => "link" })} t{e.Target} {Places[e.Other]} up{e.Ups}"));

    /// <summary>One thing in the random tree: a file, a folder, or a link of one of eight target shapes.</summary>
    public readonly record struct Entry(int Place, int Kind, int Target, int Other, int Ups);
}

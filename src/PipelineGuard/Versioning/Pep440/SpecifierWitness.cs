using System.Collections.Immutable;
using System.Numerics;

namespace PipelineGuard.Versioning.Pep440;

/// <summary>
/// Finds a version at or above a floor that a specifier set contains (pre-releases allowed).
/// Every specifier bounds the versions it admits by intervals whose ends are its own version (or, for
/// wildcards and <c>~=</c>, the release after its prefix). So if any admitted version exists at or above the floor,
/// one exists at the floor itself or just above one of those ends. We try exactly those points — each end,
/// and the smallest versions just above it in each direction packaging distinguishes (dev, pre, post, a deeper
/// release number, the next release) — and check each with the real <see cref="Pep440SpecifierSet.Contains"/>,
/// so a "yes" always comes with a witness.
/// </summary>
internal static class SpecifierWitness
{
    private static readonly VersionLabel Dev0 = new("dev", "0");

    public static Pep440Version? FindAtOrAbove(Pep440SpecifierSet set, Pep440Version floor)
    {
        var depth = set.Specifiers.Select(s => s.Version?.ReleaseText.Length ?? 0).Append(floor.ReleaseText.Length).Max() + 2;
        var anchors = new List<Pep440Version> { floor };
        anchors.AddRange(set.Specifiers.Select(s => s.Version).OfType<Pep440Version>());
        foreach (var anchor in anchors)
        {
            foreach (var candidate in Around(anchor, depth))
            {
                if (candidate >= floor && set.Contains(candidate, prereleases: true))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static IEnumerable<Pep440Version> Around(Pep440Version anchor, int depth)
    {
        yield return anchor;
        yield return anchor.WithoutLocal();
        var epoch = anchor.EpochText;
        var release = anchor.ReleaseText;
        foreach (var candidate in Suffixes(epoch, release, anchor))
        {
            yield return candidate;
        }

        // A deeper release number: 1.0 → 1.0.1, 1.0.0.1, ... (just above 1.0 and all of its post-releases).
        for (var zeros = 0; release.Length + zeros < depth; zeros++)
        {
            var deeper = release.AddRange(Enumerable.Repeat("0", zeros)).Add("1");
            yield return new Pep440Version(epoch, deeper, null, null, Dev0, null);
            yield return new Pep440Version(epoch, deeper, null, null, null, null);
        }

        // The next release at each position: 1.2.3 → 2, 1.3, 1.2.4 (just above a wildcard or ~= prefix).
        for (var i = 0; i < release.Length; i++)
        {
            var next = release.Take(i).Append(Increment(release[i])).ToImmutableArray();
            yield return new Pep440Version(epoch, next, null, null, Dev0, null);
            yield return new Pep440Version(epoch, next, null, null, null, null);
        }

        yield return new Pep440Version(Increment(epoch), ["0"], null, null, Dev0, null);
    }

    private static IEnumerable<Pep440Version> Suffixes(string epoch, ImmutableArray<string> release, Pep440Version anchor)
    {
        var a0 = new VersionLabel("a", "0");
        var post0 = new VersionLabel("post", "0");
        yield return new Pep440Version(epoch, release, null, null, Dev0, null);
        yield return new Pep440Version(epoch, release, a0, null, Dev0, null);
        yield return new Pep440Version(epoch, release, a0, null, null, null);
        yield return new Pep440Version(epoch, release, null, null, null, null);
        yield return new Pep440Version(epoch, release, null, post0, Dev0, null);
        yield return new Pep440Version(epoch, release, null, post0, null, null);
        if (anchor.Pre is { } pre)
        {
            var nextPre = pre with { Number = Increment(pre.Number) };
            yield return new Pep440Version(epoch, release, pre, null, null, null);
            yield return new Pep440Version(epoch, release, pre, post0, Dev0, null);
            yield return new Pep440Version(epoch, release, nextPre, null, Dev0, null);
            yield return new Pep440Version(epoch, release, nextPre, null, null, null);
        }

        if (anchor.Post is { } post)
        {
            var nextPost = post with { Number = Increment(post.Number) };
            yield return new Pep440Version(epoch, release, anchor.Pre, post, null, null);
            yield return new Pep440Version(epoch, release, anchor.Pre, nextPost, Dev0, null);
            yield return new Pep440Version(epoch, release, anchor.Pre, nextPost, null, null);
        }

        if (anchor.Dev is { } dev)
        {
            yield return new Pep440Version(epoch, release, anchor.Pre, anchor.Post, dev with { Number = Increment(dev.Number) }, null);
        }
    }

    private static string Increment(string digits) =>
        (BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

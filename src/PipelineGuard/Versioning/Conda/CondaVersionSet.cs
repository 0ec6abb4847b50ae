using System.Collections.Immutable;

namespace PipelineGuard.Versioning.Conda;

/// <summary>
/// A set of versions as sorted, disjoint, non-empty intervals. Each term of a version spec becomes
/// one (or, for '!=', two) intervals; ',' intersects and '|' unites. The version space is infinite,
/// so questions like "is any version at or above 20.3 admitted" are answered on these intervals.
/// </summary>
internal sealed class CondaVersionSet
{
    private CondaVersionSet(ImmutableArray<CondaInterval> intervals) => Intervals = intervals;

    public static CondaVersionSet Everything { get; } = new([new CondaInterval(CondaCut.Bottom, CondaCut.Top)]);

    public static CondaVersionSet Nothing { get; } = new([]);

    public ImmutableArray<CondaInterval> Intervals { get; }

    public bool IsEmpty => Intervals.IsEmpty;

    public static CondaVersionSet Between(CondaCut low, CondaCut high) => low < high ? new([new CondaInterval(low, high)]) : Nothing;

    public static CondaVersionSet Outside(CondaCut low, CondaCut high) =>
        Between(CondaCut.Bottom, low).Union(Between(high, CondaCut.Top));

    public bool Contains(CondaVersion version) => Intervals.Any(i => i.Contains(version));

    /// <summary>Whether some admitted version is at or above <paramref name="version"/>.</summary>
    public bool HasAnyAtOrAbove(CondaVersion version)
    {
        var floor = CondaCut.Before(version);
        return !Intervals.IsEmpty && Intervals[^1].High > floor;
    }

    public CondaVersionSet Intersect(CondaVersionSet other)
    {
        var result = ImmutableArray.CreateBuilder<CondaInterval>();
        int i = 0, j = 0;
        while (i < Intervals.Length && j < other.Intervals.Length)
        {
            var a = Intervals[i];
            var b = other.Intervals[j];
            var low = CondaCut.Max(a.Low, b.Low);
            var high = CondaCut.Min(a.High, b.High);
            if (low < high)
            {
                result.Add(new CondaInterval(low, high));
            }

            if (a.High < b.High)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return new CondaVersionSet(result.ToImmutable());
    }

    /// <summary>The intersection of many sets, pairwise in rounds so a long 'a,b,c,...' stays n log n.</summary>
    public static CondaVersionSet IntersectAll(IEnumerable<CondaVersionSet> sets)
    {
        var round = sets.ToList();
        if (round.Count == 0)
        {
            return Everything;
        }

        while (round.Count > 1)
        {
            var next = new List<CondaVersionSet>((round.Count + 1) / 2);
            for (var i = 0; i < round.Count; i += 2)
            {
                next.Add(i + 1 < round.Count ? round[i].Intersect(round[i + 1]) : round[i]);
            }

            round = next;
        }

        return round[0];
    }

    public CondaVersionSet Union(CondaVersionSet other) => UnionAll([this, other]);

    /// <summary>The union of many sets in one sort and sweep (a long 'a|b|c|...' stays n log n).</summary>
    public static CondaVersionSet UnionAll(IEnumerable<CondaVersionSet> sets)
    {
        var all = sets.SelectMany(s => s.Intervals).OrderBy(i => i.Low).ToList();
        if (all.Count == 0)
        {
            return Nothing;
        }

        var result = ImmutableArray.CreateBuilder<CondaInterval>();
        var current = all[0];
        foreach (var next in all.Skip(1))
        {
            if (next.Low <= current.High)
            {
                current = new CondaInterval(current.Low, CondaCut.Max(current.High, next.High));
            }
            else
            {
                result.Add(current);
                current = next;
            }
        }

        result.Add(current);
        return new CondaVersionSet(result.ToImmutable());
    }

    public override string ToString() => IsEmpty ? "{}" : string.Join(" ∪ ", Intervals.Select(i => $"({i.Low}, {i.High})"));
}

namespace PipelineGuard.Versioning.Conda;

/// <summary>
/// A place in conda's (infinite) version order that is never itself a version: an end of the
/// order, just before or just after one version, or an end of the block of versions that start
/// with a prefix (what '1.2.*' and '=1.2' admit). A block cut is "every version that agrees with
/// <see cref="Key"/> before <see cref="Position"/> and has a value at <see cref="Position"/> below
/// <see cref="ValueCut"/> lies below this cut"; a version cut is a block cut at <see cref="CondaPosition.End"/>.
/// Version specs become unions of intervals between such cuts (<see cref="CondaVersionSet"/>), so
/// "does the spec admit anything at or above V" is decided exactly, without sampling versions.
/// </summary>
internal sealed class CondaCut : IComparable<CondaCut>
{
    private readonly int _end; // -1 bottom, +1 top, 0 otherwise

    private CondaCut(int end, CondaVersion? key, CondaPosition position, CondaValueCut valueCut, bool afterKey)
    {
        _end = end;
        Key = key;
        Position = position;
        ValueCut = valueCut;
        AfterKey = afterKey;
    }

    public static CondaCut Bottom { get; } = new(-1, null, default, default, afterKey: false);

    public static CondaCut Top { get; } = new(1, null, default, default, afterKey: false);

    public CondaVersion? Key { get; }

    public CondaPosition Position { get; }

    public CondaValueCut ValueCut { get; }

    /// <summary>For a cut around one version: true when just after it.</summary>
    public bool AfterKey { get; }

    public static CondaCut Before(CondaVersion version) => new(0, version, CondaPosition.End, default, afterKey: false);

    public static CondaCut After(CondaVersion version) => new(0, version, CondaPosition.End, default, afterKey: true);

    public static CondaCut Block(CondaVersion key, CondaPosition position, CondaValueCut valueCut) => new(0, key, position, valueCut, afterKey: false);

    public int CompareTo(CondaCut? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (_end != 0 || other._end != 0)
        {
            return _end.CompareTo(other._end);
        }

        var a = Key!;
        var b = other.Key!;
        var limit = Position < other.Position ? Position : other.Position;
        var differing = ReferenceEquals(a, b) ? 0 : CompareBefore(a, b, limit);
        if (differing != 0)
        {
            return differing;
        }

        if (Position == other.Position)
        {
            return Position == CondaPosition.End ? AfterKey.CompareTo(other.AfterKey) : ValueCut.CompareTo(other.ValueCut);
        }

        // One cut is a block boundary at an earlier position: it lies wholly below or above the
        // value the other cut's key has there.
        return Position < other.Position
            ? ValueCut.CompareTo(b.At(Position))
            : -other.ValueCut.CompareTo(a.At(other.Position));
    }

    /// <summary>True when this cut is below the version (a cut never equals a version).</summary>
    public bool IsBelow(CondaVersion version) => CompareTo(Before(version)) <= 0;

    public static bool operator <(CondaCut left, CondaCut right) => left.CompareTo(right) < 0;

    public static bool operator >(CondaCut left, CondaCut right) => left.CompareTo(right) > 0;

    public static bool operator <=(CondaCut left, CondaCut right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CondaCut left, CondaCut right) => left.CompareTo(right) >= 0;

    public static CondaCut Max(CondaCut left, CondaCut right) => left >= right ? left : right;

    public static CondaCut Min(CondaCut left, CondaCut right) => left <= right ? left : right;

    public override string ToString() => _end switch
    {
        -1 => "-inf",
        1 => "+inf",
        _ when Position == CondaPosition.End => (AfterKey ? "after " : "before ") + Key,
        _ => $"block({Key}@{Position.Part}.{Position.Component}.{Position.Sub} {(ValueCut.After ? "after" : "before")} {ValueCut.Value})",
    };

    /// <summary>
    /// Compares the two versions position by position before <paramref name="limit"/> (missing
    /// positions are 0); returns the sign at the first difference, or 0 when they agree there.
    /// </summary>
    private static int CompareBefore(CondaVersion a, CondaVersion b, CondaPosition limit)
    {
        for (var part = 0; part <= 1 && part <= limit.Part; part++)
        {
            var left = a.PartAt(part);
            var right = b.PartAt(part);
            var components = Math.Max(left.Length, right.Length);
            if (part == limit.Part)
            {
                components = Math.Min(components, limit.Component + 1);
            }

            for (var i = 0; i < components; i++)
            {
                var x = i < left.Length ? left[i] : [];
                var y = i < right.Length ? right[i] : [];
                var subs = Math.Max(x.Length, y.Length);
                if (part == limit.Part && i == limit.Component)
                {
                    subs = Math.Min(subs, limit.Sub);
                }

                for (var j = 0; j < subs; j++)
                {
                    var result = (j < x.Length ? x[j] : CondaVersionPart.Zero).CompareTo(j < y.Length ? y[j] : CondaVersionPart.Zero);
                    if (result != 0)
                    {
                        return result;
                    }
                }
            }
        }

        return 0;
    }
}

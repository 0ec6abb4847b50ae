namespace PipelineGuard.Versioning.Conda;

/// <summary>
/// Where a subcomponent sits in a version: part 0 is the epoch and main version, part 1 the local
/// version; then the component and the subcomponent. conda compares versions position by position
/// in exactly this order (every missing position counting as 0), which is what lets the interval
/// reasoning in <see cref="CondaCut"/> treat a version as a sequence indexed by positions.
/// </summary>
internal readonly record struct CondaPosition(int Part, int Component, int Sub) : IComparable<CondaPosition>
{
    /// <summary>Beyond every real position: used for the cuts right before and after a single version.</summary>
    public static readonly CondaPosition End = new(int.MaxValue, int.MaxValue, int.MaxValue);

    public int CompareTo(CondaPosition other)
    {
        if (Part != other.Part)
        {
            return Part.CompareTo(other.Part);
        }

        return Component != other.Component ? Component.CompareTo(other.Component) : Sub.CompareTo(other.Sub);
    }

    public static bool operator <(CondaPosition left, CondaPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(CondaPosition left, CondaPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(CondaPosition left, CondaPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CondaPosition left, CondaPosition right) => left.CompareTo(right) >= 0;
}

namespace PipelineGuard.Versioning.Conda;

/// <summary>
/// A place between subcomponent values: just before or just after <see cref="Value"/>. "Just after
/// the number n" is stored as "just before n+1" (no integer lies between them), so equal places
/// compare equal, which the emptiness test of an interval needs.
/// </summary>
internal readonly record struct CondaValueCut
{
    private CondaValueCut(CondaVersionPart value, bool after)
    {
        Value = value;
        After = after;
    }

    public CondaVersionPart Value { get; }

    public bool After { get; }

    public static CondaValueCut Before(CondaVersionPart value) => new(value, after: false);

    public static CondaValueCut AfterValue(CondaVersionPart value) =>
        value.Kind == CondaPartKind.Number ? new(value.NextNumber(), after: false) : new(value, after: true);

    /// <summary>Just after every string that starts with <paramref name="prefix"/>: before the prefix with its last character raised by one.</summary>
    public static CondaValueCut AfterStringsStartingWith(string prefix) =>
        new(CondaVersionPart.String(prefix[..^1] + (char)(prefix[^1] + 1)), after: false);

    /// <summary>Negative when this place is below <paramref name="value"/>; never 0 (a place is never a value).</summary>
    public int CompareTo(CondaVersionPart value)
    {
        var result = Value.CompareTo(value);
        return result != 0 ? result : After ? 1 : -1;
    }

    public int CompareTo(CondaValueCut other)
    {
        var result = Value.CompareTo(other.Value);
        return result != 0 ? result : After.CompareTo(other.After);
    }
}

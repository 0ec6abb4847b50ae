namespace PipelineGuard.Versioning.Pep440;

/// <summary>
/// A pre, post or dev part as packaging keeps it: the normalised letter ("a", "b", "rc", "post", "dev")
/// and the number as decimal digits without leading zeros. The letter is a string, not an enum, because
/// packaging compares it as a string (and "poſt" with a long s really is a different letter there).
/// </summary>
internal readonly record struct VersionLabel(string Letter, string Number) : IComparable<VersionLabel>
{
    public int CompareTo(VersionLabel other)
    {
        var byLetter = PythonText.CompareCodePoints(Letter, other.Letter);
        return byLetter != 0 ? byLetter : PythonText.CompareDigits(Number, other.Number);
    }
}

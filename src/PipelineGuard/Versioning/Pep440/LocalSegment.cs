namespace PipelineGuard.Versioning.Pep440;

/// <summary>
/// One dot-separated part of a local version label: a number (digits without leading zeros) or a lower-cased string.
/// PEP 440: alphanumeric segments sort before numeric ones, numbers numerically, strings lexicographically.
/// </summary>
internal readonly record struct LocalSegment(string Text, bool IsNumber) : IComparable<LocalSegment>
{
    public int CompareTo(LocalSegment other)
    {
        if (IsNumber != other.IsNumber)
        {
            return IsNumber ? 1 : -1;
        }

        return IsNumber ? PythonText.CompareDigits(Text, other.Text) : PythonText.CompareCodePoints(Text, other.Text);
    }

    public override string ToString() => Text;
}

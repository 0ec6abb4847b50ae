namespace PipelineGuard.Versioning.Conda;

/// <summary>
/// One subcomponent of a conda version: a run of digits (kept as a digit string without leading
/// zeros, so numbers of any length compare right), a run of other characters (lower case; conda
/// stores 'dev' as "DEV" so that '*' &lt; 'DEV' &lt; '_' &lt; 'a' by code point), or 'post'.
/// See VersionOrder in https://github.com/conda/conda/blob/main/conda/models/version.py.
/// </summary>
internal readonly record struct CondaVersionPart(CondaPartKind Kind, string Text) : IComparable<CondaVersionPart>
{
    /// <summary>The fill value conda uses for a missing subcomponent (makes 1.1 == 1.1.0).</summary>
    public static readonly CondaVersionPart Zero = new(CondaPartKind.Number, "0");

    public static readonly CondaVersionPart Post = new(CondaPartKind.Post, "post");

    public bool IsZero => Kind == CondaPartKind.Number && Text == "0";

    public static CondaVersionPart Number(string digits)
    {
        var start = 0;
        while (start < digits.Length - 1 && digits[start] == '0')
        {
            start++;
        }

        return new CondaVersionPart(CondaPartKind.Number, digits[start..]);
    }

    public static CondaVersionPart String(string text) => new(CondaPartKind.String, text);

    public int CompareTo(CondaVersionPart other)
    {
        if (Kind != other.Kind)
        {
            return Kind < other.Kind ? -1 : 1;
        }

        return Kind switch
        {
            // Python compares str by code point: ordinal, so "DEV" < "_" < "a" and "*" < "DEV".
            CondaPartKind.String => Math.Sign(string.CompareOrdinal(Text, other.Text)),
            CondaPartKind.Number => CompareDigits(Text, other.Text),
            _ => 0,
        };
    }

    /// <summary>The next integer after a number part (used to close intervals: nothing lies between n and n+1).</summary>
    public CondaVersionPart NextNumber()
    {
        var digits = Text.ToCharArray();
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (digits[i] != '9')
            {
                digits[i]++;
                return new CondaVersionPart(CondaPartKind.Number, new string(digits));
            }

            digits[i] = '0';
        }

        return new CondaVersionPart(CondaPartKind.Number, "1" + new string(digits));
    }

    public static bool operator <(CondaVersionPart left, CondaVersionPart right) => left.CompareTo(right) < 0;

    public static bool operator >(CondaVersionPart left, CondaVersionPart right) => left.CompareTo(right) > 0;

    public static bool operator <=(CondaVersionPart left, CondaVersionPart right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CondaVersionPart left, CondaVersionPart right) => left.CompareTo(right) >= 0;

    public override string ToString() => Kind == CondaPartKind.Post ? "post" : Text;

    private static int CompareDigits(string left, string right)
    {
        if (left.Length != right.Length)
        {
            return left.Length < right.Length ? -1 : 1;
        }

        return Math.Sign(string.CompareOrdinal(left, right));
    }
}

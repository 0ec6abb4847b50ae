namespace PipelineGuard.Versioning.Pep440;

internal static class SpecifierOperators
{
    public static string Text(this SpecifierOperator op) => op switch
    {
        SpecifierOperator.Compatible => "~=",
        SpecifierOperator.Equal => "==",
        SpecifierOperator.NotEqual => "!=",
        SpecifierOperator.LessOrEqual => "<=",
        SpecifierOperator.GreaterOrEqual => ">=",
        SpecifierOperator.Less => "<",
        SpecifierOperator.Greater => ">",
        _ => "===",
    };

    /// <summary>
    /// Reads an operator at <paramref name="pos"/> the way the specifier regex ends up choosing it:
    /// "===" whenever three '=' are there, the two-character operators before '&lt;' and '&gt;'.
    /// </summary>
    public static SpecifierOperator? Read(string text, int pos, int limit, out int length)
    {
        length = 0;
        if (pos >= limit)
        {
            return null;
        }

        var next = pos + 1 < limit ? text[pos + 1] : '\0';
        switch (text[pos])
        {
            case '=' when next == '=':
                if (pos + 2 < limit && text[pos + 2] == '=')
                {
                    length = 3;
                    return SpecifierOperator.Arbitrary;
                }

                length = 2;
                return SpecifierOperator.Equal;
            case '~' when next == '=':
                length = 2;
                return SpecifierOperator.Compatible;
            case '!' when next == '=':
                length = 2;
                return SpecifierOperator.NotEqual;
            case '<':
                length = next == '=' ? 2 : 1;
                return next == '=' ? SpecifierOperator.LessOrEqual : SpecifierOperator.Less;
            case '>':
                length = next == '=' ? 2 : 1;
                return next == '=' ? SpecifierOperator.GreaterOrEqual : SpecifierOperator.Greater;
            default:
                return null;
        }
    }

    /// <summary>The version grammar each operator's regex alternative allows (anchored match).</summary>
    public static VersionSyntax Syntax(this SpecifierOperator op, LetterChoice letters) => op switch
    {
        SpecifierOperator.Equal or SpecifierOperator.NotEqual => new VersionSyntax(true, letters == LetterChoice.Longest, 1, letters),
        SpecifierOperator.Compatible => new VersionSyntax(false, false, 2, letters),
        _ => new VersionSyntax(false, false, 1, letters),
    };
}

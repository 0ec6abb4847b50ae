namespace PipelineGuard.Versioning.Pep440;

/// <summary>
/// One PEP 440 version specifier (<c>&gt;=1.2</c>, <c>==1.4.*</c>, <c>~=2.2</c>, <c>===foo</c>) with the exact
/// matching rules of packaging 21.3's <c>Specifier</c>. Text that packaging only accepts as a
/// <c>LegacySpecifier</c> is rejected, and so is <c>===</c> with nothing after it.
/// https://github.com/pypa/packaging/blob/21.3/packaging/specifiers.py
/// </summary>
internal sealed class Pep440Specifier
{
    private readonly List<string>? wildcardSplit;
    private readonly List<string>? compatiblePrefix;

    private Pep440Specifier(SpecifierOperator op, string versionText, Pep440Version? version, bool wildcard, int offset, int length, int versionOffset)
    {
        Operator = op;
        VersionText = versionText;
        Version = version;
        IsWildcard = wildcard;
        Offset = offset;
        Length = length;
        VersionOffset = versionOffset;
        if (wildcard)
        {
            wildcardSplit = WildcardMatching.Split(versionText[..^2]);
        }
        else if (op == SpecifierOperator.Compatible)
        {
            compatiblePrefix = WildcardMatching.CompatiblePrefix(versionText);
        }

        // Specifier.prereleases: the operators that include their own version admit pre-releases when that version is one.
        Prereleases = op is SpecifierOperator.Equal or SpecifierOperator.GreaterOrEqual or SpecifierOperator.LessOrEqual
            or SpecifierOperator.Compatible or SpecifierOperator.Arbitrary
            && version is { IsPrerelease: true };
    }

    public SpecifierOperator Operator { get; }

    /// <summary>The version as written (stripped), e.g. "1.4.*" or "V1.0": packaging matches wildcards on this raw text.</summary>
    public string VersionText { get; }

    /// <summary>The parsed version; for a wildcard the part before ".*"; for <c>===</c> null unless the text is a version.</summary>
    public Pep440Version? Version { get; }

    public bool IsWildcard { get; }

    /// <summary>0-based offset of the operator in the parsed text.</summary>
    public int Offset { get; }

    /// <summary>Length from the operator to the end of the version.</summary>
    public int Length { get; }

    /// <summary>0-based offset of <see cref="VersionText"/> in the parsed text.</summary>
    public int VersionOffset { get; }

    /// <summary>Whether this specifier alone lets pre-releases in (packaging's <c>Specifier.prereleases</c>).</summary>
    public bool Prereleases { get; }

    /// <summary>Operator and version as written, like <c>str(Specifier)</c>.</summary>
    public override string ToString() => Operator.Text() + VersionText;

    /// <summary>The identity packaging uses to drop duplicates from a set (<c>_canonical_spec</c>).</summary>
    internal (SpecifierOperator, string) CanonicalKey
    {
        get
        {
            if (IsWildcard || Version is null || !Pep440Version.TryParse(VersionText, out var parsed))
            {
                return (Operator, VersionText);
            }

            // canonicalize_version: like str(Version) with trailing ".0"s of the release removed.
            var release = parsed.ReleaseText;
            var keep = release.Length;
            while (keep > 1 && release[keep - 1] == "0")
            {
                keep--;
            }

            var text = parsed.ToString();
            var releaseText = string.Join('.', release);
            var epochPrefix = parsed.EpochText == "0" ? string.Empty : parsed.EpochText + "!";
            var rest = text[(epochPrefix.Length + releaseText.Length)..];
            return (Operator, epochPrefix + string.Join('.', release.Take(keep)) + rest);
        }
    }

    public static bool TryParse(
        string text,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Pep440Specifier? specifier,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out SpecifierError? error) =>
        TryParseRange(text, 0, text.Length, out specifier, out error);

    /// <summary>
    /// Parses text[start..end) like <c>Specifier(...)</c> (anchored, surrounding whitespace allowed); offsets refer to <paramref name="text"/>.
    /// <paramref name="allowEmptyArbitrary"/> keeps packaging's acceptance of a bare "===" (marker evaluation needs it).
    /// </summary>
    internal static bool TryParseRange(
        string text,
        int start,
        int end,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Pep440Specifier? specifier,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out SpecifierError? error,
        bool allowEmptyArbitrary = false)
    {
        specifier = null;
        (start, end) = PythonText.Strip(text, start, end);
        if (start >= end)
        {
            error = new SpecifierError(start, 0, "empty version specifier");
            return false;
        }

        var op = SpecifierOperators.Read(text, start, end, out var opLength);
        if (op is not { } oper)
        {
            var hint = text[start] == '=' ? " (a single '=' is not a PEP 440 operator: use '==')" : string.Empty;
            error = new SpecifierError(start, end - start, $"'{Pep440Version.Excerpt(text, start, end)}' does not start with a version operator (~=, ==, !=, <=, >=, <, >, ===){hint}");
            return false;
        }

        var versionStart = start + opLength;
        while (versionStart < end && PythonText.IsWhitespace(text[versionStart]))
        {
            versionStart++;
        }

        if (oper == SpecifierOperator.Arbitrary)
        {
            // (?<====)\s*[^\s]* : anything without whitespace. An empty version is our own (stricter) rule.
            var runEnd = versionStart;
            while (runEnd < end && !PythonText.IsWhitespace(text[runEnd]))
            {
                runEnd++;
            }

            if (runEnd != end || (runEnd == versionStart && !allowEmptyArbitrary))
            {
                error = runEnd == versionStart
                    ? new SpecifierError(start, end - start, "'===' needs a version after it")
                    : new SpecifierError(runEnd, end - runEnd, "'===' takes a single word without spaces");
                return false;
            }

            var arbitrary = text[versionStart..end];
            Pep440Version.TryParse(arbitrary, out var asVersion);
            specifier = new Pep440Specifier(oper, arbitrary, asVersion, false, start, end - start, versionStart);
            error = null;
            return true;
        }

        if (versionStart >= end)
        {
            error = new SpecifierError(start, end - start, $"'{oper.Text()}' needs a version after it");
            return false;
        }

        var scanned = VersionScanner.Scan(text, versionStart, end, oper.Syntax(LetterChoice.Longest));
        if (scanned is null || scanned.End != end)
        {
            var at = scanned?.End ?? versionStart;
            var why = scanned is null ? NullReason(text, versionStart, oper) : $"unexpected '{text[at]}'";
            error = new SpecifierError(at, end - at, $"'{Pep440Version.Excerpt(text, start, end)}' is not a valid PEP 440 specifier: {why} at offset {at}");
            return false;
        }

        var version = Pep440Version.FromScan(text, scanned);
        specifier = new Pep440Specifier(oper, text[versionStart..end], version, scanned.Wildcard, start, end - start, versionStart);
        error = null;
        return true;

        static string NullReason(string text, int at, SpecifierOperator oper) =>
            oper == SpecifierOperator.Compatible && at < text.Length && char.IsAsciiDigit(text[at]) && !text.AsSpan(at).Contains('.')
                ? "'~=' needs at least two release numbers (e.g. ~=1.4)"
                : "expected a version number";
    }

    /// <summary><c>Specifier.contains(version, prereleases)</c>.</summary>
    public bool Contains(Pep440Version version, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.IsPrerelease && !(prereleases ?? Prereleases))
        {
            return false;
        }

        return Matches(version);
    }

    /// <summary>The operator alone (packaging's <c>_compare_*</c>), without the pre-release gate.</summary>
    internal bool Matches(Pep440Version prospective)
    {
        switch (Operator)
        {
            case SpecifierOperator.Arbitrary:
                return string.Equals(PythonText.Lower(prospective.ToString()), PythonText.Lower(VersionText), StringComparison.Ordinal);
            case SpecifierOperator.Compatible:
                return prospective.WithoutLocal() >= Version! && WildcardMatching.Matches(prospective, compatiblePrefix!);
            case SpecifierOperator.Equal:
                return EqualTo(prospective);
            case SpecifierOperator.NotEqual:
                return !EqualTo(prospective);
            case SpecifierOperator.LessOrEqual:
                return prospective.WithoutLocal() <= Version!;
            case SpecifierOperator.GreaterOrEqual:
                return prospective.WithoutLocal() >= Version!;
            case SpecifierOperator.Less:
                // <V excludes pre-releases of V itself unless V is a pre-release.
                return prospective < Version!
                    && !(!Version!.IsPrerelease && prospective.IsPrerelease && prospective.BaseOnly() == Version.BaseOnly());
            default:
                // >V excludes post-releases of V (unless V is one) and local versions of V's release.
                if (!(prospective > Version!))
                {
                    return false;
                }

                var sameBase = prospective.BaseOnly() == Version!.BaseOnly();
                return !(sameBase && !Version.IsPostrelease && prospective.IsPostrelease) && !(sameBase && prospective.Local is not null);
        }
    }

    private bool EqualTo(Pep440Version prospective)
    {
        if (IsWildcard)
        {
            return WildcardMatching.Matches(prospective, wildcardSplit!);
        }

        return (Version!.Local is null ? prospective.WithoutLocal() : prospective) == Version;
    }
}

using System.Collections.Immutable;

namespace PipelineGuard.Versioning.Pep440;

/// <summary>
/// A comma-separated set of PEP 440 specifiers with packaging 21.3's <c>SpecifierSet</c> semantics:
/// empty items are ignored, duplicates (by canonical form) collapse, and pre-releases are admitted only
/// when asked for or when one of the specifiers names a pre-release.
/// https://github.com/pypa/packaging/blob/21.3/packaging/specifiers.py
/// </summary>
internal sealed class Pep440SpecifierSet
{
    internal Pep440SpecifierSet(ImmutableArray<Pep440Specifier> specifiers) => Specifiers = specifiers;

    public static Pep440SpecifierSet Empty { get; } = new([]);

    /// <summary>The distinct specifiers in the order written.</summary>
    public ImmutableArray<Pep440Specifier> Specifiers { get; }

    /// <summary><c>SpecifierSet.prereleases</c>: null for an empty set, else whether any specifier admits pre-releases.</summary>
    public bool? Prereleases => Specifiers.IsEmpty ? null : Specifiers.Any(s => s.Prereleases);

    /// <summary>True when the set is exactly one <c>==V</c> (no wildcard) or <c>===V</c>.</summary>
    public bool IsExactPin =>
        Specifiers.Length == 1
        && Specifiers[0] is { Operator: SpecifierOperator.Equal or SpecifierOperator.Arbitrary, IsWildcard: false };

    public static Pep440SpecifierSet Parse(string text) =>
        TryParse(text, out var set, out var error) ? set : throw new FormatException(error.Message);

    public static bool TryParse(
        string text,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Pep440SpecifierSet? set,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out SpecifierError? error) =>
        TryParseRange(text, 0, text.Length, out set, out error);

    /// <summary>Parses text[start..end) like <c>SpecifierSet(...)</c>; offsets in specifiers and errors refer to <paramref name="text"/>.</summary>
    internal static bool TryParseRange(
        string text,
        int start,
        int end,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Pep440SpecifierSet? set,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out SpecifierError? error)
    {
        set = null;
        var builder = new List<Pep440Specifier>();
        var seen = new HashSet<(SpecifierOperator, string)>();
        var itemStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && text[i] != ',')
            {
                continue;
            }

            var (s, e) = PythonText.Strip(text, itemStart, i);
            itemStart = i + 1;
            if (s >= e)
            {
                continue;
            }

            if (!Pep440Specifier.TryParseRange(text, s, e, out var specifier, out error))
            {
                return false;
            }

            if (seen.Add(specifier.CanonicalKey))
            {
                builder.Add(specifier);
            }
        }

        set = new Pep440SpecifierSet([.. builder]);
        error = null;
        return true;
    }

    /// <summary>A set of already-parsed specifiers; duplicates (by packaging's canonical form) keep the first.</summary>
    internal static Pep440SpecifierSet Create(IEnumerable<Pep440Specifier> specifiers)
    {
        var seen = new HashSet<(SpecifierOperator, string)>();
        return new Pep440SpecifierSet([.. specifiers.Where(s => seen.Add(s.CanonicalKey))]);
    }

    /// <summary>
    /// <c>SpecifierSet.contains(version, prereleases)</c>: with <paramref name="prereleases"/> null the set
    /// decides (see <see cref="Prereleases"/>); an empty set admits every final release.
    /// </summary>
    public bool Contains(Pep440Version version, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        var admitPre = prereleases ?? Prereleases;
        if (admitPre != true && version.IsPrerelease)
        {
            return false;
        }

        foreach (var specifier in Specifiers)
        {
            if (!specifier.Contains(version, admitPre))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether some version at or above <paramref name="version"/> satisfies the set (pre-releases allowed).
    /// See <see cref="SpecifierWitness"/> for how.
    /// </summary>
    public bool AdmitsAnyAtOrAbove(Pep440Version version) => SpecifierWitness.FindAtOrAbove(this, version) is not null;

    /// <summary><c>str(SpecifierSet)</c>: the specifiers sorted (by code point) and joined with ",".</summary>
    public override string ToString()
    {
        var texts = Specifiers.Select(s => s.ToString()).ToList();
        texts.Sort(PythonText.CompareCodePoints);
        return string.Join(',', texts);
    }
}

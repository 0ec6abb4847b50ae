using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace PipelineGuard.Versioning.Conda;

/// <summary>
/// A conda package version with conda's order (VersionOrder in
/// https://github.com/conda/conda/blob/main/conda/models/version.py): an epoch before '!', a local
/// version after '+', components split at '.' and '_', each component split into runs of digits,
/// runs of '*' and runs of other characters; a component that starts with a letter gets a leading 0;
/// missing subcomponents count as 0 so 1.1 == 1.1.0; strings sort before numbers, 'dev' before other
/// strings, 'post' after every number. Comparison is case-insensitive.
/// </summary>
internal sealed class CondaVersion : IComparable<CondaVersion>, IEquatable<CondaVersion>
{
    // 0 = not computed yet. An int is written atomically, so rules running in parallel may share a version.
    private int _hash;

    private CondaVersion(string text, string normalizedText, ImmutableArray<ImmutableArray<CondaVersionPart>> release, ImmutableArray<ImmutableArray<CondaVersionPart>> local)
    {
        Text = text;
        NormalizedText = normalizedText;
        Release = release;
        Local = local;
    }

    /// <summary>The text as given.</summary>
    public string Text { get; }

    /// <summary>conda's norm_version: trimmed, lower case, '-' turned into '_' when that was needed.</summary>
    public string NormalizedText { get; }

    /// <summary>The epoch (component 0) followed by the components of the main version.</summary>
    internal ImmutableArray<ImmutableArray<CondaVersionPart>> Release { get; }

    /// <summary>The components of the local version (after '+'); empty when there is none.</summary>
    internal ImmutableArray<ImmutableArray<CondaVersionPart>> Local { get; }

    public bool HasLocal => !Local.IsEmpty;

    public static bool TryParse(string? text, [NotNullWhen(true)] out CondaVersion? version, [NotNullWhen(false)] out string? error)
    {
        // Versions are immutable and a monorepo repeats the same few hundred (and the pip release table is compared
        // against every spec): each text is parsed once per run (Model.TextMemo).
        var outcome = Memo.Get(text ?? string.Empty, t =>
        {
            var failure = CondaVersionParser.Parse(t, out var normalized, out var release, out var local);
            return new ParseOutcome(failure is null ? new CondaVersion(t, normalized!, release, local) : null, failure);
        });
        (version, error) = (outcome.Version, outcome.Error);
        return version is not null;
    }

    private static readonly Model.TextMemo<ParseOutcome> Memo = new(100_000);

    private sealed record ParseOutcome(CondaVersion? Version, string? Error);

    public static CondaVersion Parse(string text) =>
        TryParse(text, out var version, out var error) ? version : throw new FormatException($"Invalid conda version '{text}': {error}.");

    /// <summary>The subcomponent at a position, with conda's fill value 0 where the version has none.</summary>
    internal CondaVersionPart At(CondaPosition position)
    {
        var parts = position.Part == 0 ? Release : Local;
        if (position.Component >= parts.Length)
        {
            return CondaVersionPart.Zero;
        }

        var component = parts[position.Component];
        return position.Sub < component.Length ? component[position.Sub] : CondaVersionPart.Zero;
    }

    internal ImmutableArray<ImmutableArray<CondaVersionPart>> PartAt(int part) => part == 0 ? Release : Local;

    public int CompareTo(CondaVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var result = CompareComponents(Release, other.Release);
        return result != 0 ? result : CompareComponents(Local, other.Local);
    }

    public bool Equals(CondaVersion? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is CondaVersion other && Equals(other);

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var hash = ComputeHash();
            _hash = hash == 0 ? 1 : hash;
        }

        return _hash;
    }

    /// <summary>
    /// conda's VersionOrder.startswith: the version agrees with <paramref name="prefix"/> up to the
    /// prefix's last subcomponent; a last subcomponent that is a string only has to be a prefix of
    /// the version's string there (so 2013ab starts with 2013a). This is what '=1.2' and '1.2.*' mean.
    /// </summary>
    public bool StartsWith(CondaVersion prefix)
    {
        ImmutableArray<ImmutableArray<CondaVersionPart>> mine;
        ImmutableArray<ImmutableArray<CondaVersionPart>> theirs;
        if (prefix.HasLocal)
        {
            if (CompareComponents(Release, prefix.Release) != 0)
            {
                return false;
            }

            mine = Local;
            theirs = prefix.Local;
        }
        else
        {
            mine = Release;
            theirs = prefix.Release;
        }

        var last = theirs.Length - 1;
        if (CompareComponents(mine, theirs, last) != 0)
        {
            return false;
        }

        var myComponent = last < mine.Length ? mine[last] : [];
        var theirComponent = theirs[last];
        var lastSub = theirComponent.Length - 1;
        for (var j = 0; j < lastSub; j++)
        {
            var mineValue = j < myComponent.Length ? myComponent[j] : CondaVersionPart.Zero;
            if (mineValue.CompareTo(theirComponent[j]) != 0)
            {
                return false;
            }
        }

        var myValue = lastSub < myComponent.Length ? myComponent[lastSub] : CondaVersionPart.Zero;
        var theirValue = theirComponent[lastSub];
        return theirValue.Kind == CondaPartKind.String
            ? myValue.Kind == CondaPartKind.String && myValue.Text.StartsWith(theirValue.Text, StringComparison.Ordinal)
            : myValue.CompareTo(theirValue) == 0;
    }

    public override string ToString() => NormalizedText;

    /// <summary>The parsed components as conda's test suite prints VersionOrder.version, e.g. [[0], [1], [1, 'a', 1]].</summary>
    internal string Describe(bool local = false) =>
        "[" + string.Join(", ", (local ? Local : Release).Select(c => "[" + string.Join(", ", c.Select(DescribePart)) + "]")) + "]";

    private static string DescribePart(CondaVersionPart part) => part.Kind switch
    {
        CondaPartKind.Number => part.Text,
        CondaPartKind.Post => "inf",
        _ => "'" + part.Text + "'",
    };

    public static bool operator ==(CondaVersion? left, CondaVersion? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(CondaVersion? left, CondaVersion? right) => !(left == right);

    public static bool operator <(CondaVersion left, CondaVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(CondaVersion left, CondaVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(CondaVersion left, CondaVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CondaVersion left, CondaVersion right) => left.CompareTo(right) >= 0;

    /// <summary>Lexicographic over components, each lexicographic over subcomponents, 0 filling the shorter (zip_longest in conda).</summary>
    private static int CompareComponents(ImmutableArray<ImmutableArray<CondaVersionPart>> left, ImmutableArray<ImmutableArray<CondaVersionPart>> right, int count = int.MaxValue)
    {
        var length = Math.Min(count, Math.Max(left.Length, right.Length));
        for (var i = 0; i < length; i++)
        {
            var a = i < left.Length ? left[i] : [];
            var b = i < right.Length ? right[i] : [];
            var subs = Math.Max(a.Length, b.Length);
            for (var j = 0; j < subs; j++)
            {
                var x = j < a.Length ? a[j] : CondaVersionPart.Zero;
                var y = j < b.Length ? b[j] : CondaVersionPart.Zero;
                var result = x.CompareTo(y);
                if (result != 0)
                {
                    return result;
                }
            }
        }

        return 0;
    }

    /// <summary>Hash of the form with trailing zeros dropped, so versions conda calls equal (1.1, 1.1.0) hash alike.</summary>
    private int ComputeHash()
    {
        var hash = default(HashCode);
        AddPart(ref hash, Release);
        hash.Add('+');
        AddPart(ref hash, Local);
        return hash.ToHashCode();
    }

    private static void AddPart(ref HashCode hash, ImmutableArray<ImmutableArray<CondaVersionPart>> components)
    {
        var lastNonZero = components.Length - 1;
        while (lastNonZero >= 0 && components[lastNonZero].All(p => p.IsZero))
        {
            lastNonZero--;
        }

        for (var i = 0; i <= lastNonZero; i++)
        {
            var component = components[i];
            var end = component.Length - 1;
            while (end >= 0 && component[end].IsZero)
            {
                end--;
            }

            for (var j = 0; j <= end; j++)
            {
                hash.Add(component[j]);
            }

            hash.Add('.');
        }
    }
}

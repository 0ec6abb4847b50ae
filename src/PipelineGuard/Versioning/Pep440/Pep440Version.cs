using System.Collections.Immutable;
using System.Numerics;
using System.Text;

namespace PipelineGuard.Versioning.Pep440;

/// <summary>
/// A PEP 440 version with exactly the parsing, normalisation (<see cref="ToString"/>) and ordering of
/// packaging 21.3's <c>Version</c> (pip's vendored copy). Text that packaging would only accept as a
/// <c>LegacyVersion</c> is rejected. Numbers are kept as digit strings so that any length parses and
/// compares in linear time; <see cref="Release"/> and <see cref="Epoch"/> give them as BigInteger.
/// https://peps.python.org/pep-0440/ and https://github.com/pypa/packaging/blob/21.3/packaging/version.py
/// </summary>
internal sealed class Pep440Version : IComparable<Pep440Version>, IComparable, IEquatable<Pep440Version>
{
    private readonly int comparedReleaseLength;
    private string? normalized;
    private ImmutableArray<BigInteger>? release;

    internal Pep440Version(string epoch, ImmutableArray<string> release, VersionLabel? pre, VersionLabel? post, VersionLabel? dev, ImmutableArray<LocalSegment>? local)
    {
        EpochText = epoch;
        ReleaseText = release;
        Pre = pre;
        Post = post;
        Dev = dev;
        Local = local;

        // _cmpkey: the release is compared with its trailing zeros removed (1.0 == 1.0.0).
        var length = release.Length;
        while (length > 0 && release[length - 1] == "0")
        {
            length--;
        }

        comparedReleaseLength = length;
    }

    /// <summary>The epoch as decimal digits without leading zeros ("0" when absent).</summary>
    public string EpochText { get; }

    /// <summary>The release numbers as decimal digits without leading zeros.</summary>
    public ImmutableArray<string> ReleaseText { get; }

    public BigInteger Epoch => BigInteger.Parse(EpochText, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The release numbers; computed on first use (BigInteger parsing is not linear).</summary>
    public ImmutableArray<BigInteger> Release =>
        release ??= [.. ReleaseText.Select(d => BigInteger.Parse(d, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Pre-release: letter "a", "b" or "rc" and its number.</summary>
    public VersionLabel? Pre { get; }

    /// <summary>Post-release: letter "post" and its number.</summary>
    public VersionLabel? Post { get; }

    /// <summary>Development release: letter "dev" and its number.</summary>
    public VersionLabel? Dev { get; }

    /// <summary>Local version label segments, or null when there is no "+local" part.</summary>
    public ImmutableArray<LocalSegment>? Local { get; }

    /// <summary>The local label as packaging prints it ("ubuntu.1"), or null.</summary>
    public string? LocalText => Local is { } local ? string.Join('.', local) : null;

    public bool IsPrerelease => Dev is not null || Pre is not null;

    public bool IsPostrelease => Post is not null;

    public bool IsDevrelease => Dev is not null;

    /// <summary>The normalised version without the local label.</summary>
    public string Public
    {
        get
        {
            var text = ToString();
            var plus = text.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? text : text[..plus];
        }
    }

    /// <summary>Epoch and release only ("1!2.0").</summary>
    public string BaseVersion => (EpochText == "0" ? string.Empty : EpochText + "!") + string.Join('.', ReleaseText);

    public static Pep440Version Parse(string text) =>
        TryParse(text, out var version, out var error) ? version : throw new FormatException(error.Message);

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Pep440Version? version) =>
        TryParse(text, out version, out _);

    /// <summary>
    /// Parses like <c>Version(text)</c>: surrounding whitespace, a leading 'v', any case, the alternative
    /// spellings and separators. Never throws; on failure <paramref name="error"/> tells where and why.
    /// </summary>
    public static bool TryParse(
        string? text,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Pep440Version? version,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out VersionError? error)
    {
        version = null;
        if (text is null)
        {
            error = new VersionError(0, "no version given");
            return false;
        }

        var (start, end) = PythonText.Strip(text, 0, text.Length);
        return TryParseRange(text, start, end, VersionSyntax.Version, out version, out error);
    }

    /// <summary>Parses text[start..end) (already stripped) with the given syntax; the whole range must be used.</summary>
    internal static bool TryParseRange(string text, int start, int end, VersionSyntax syntax, out Pep440Version? version, out VersionError? error)
    {
        version = null;
        if (start >= end)
        {
            error = new VersionError(start, "empty version");
            return false;
        }

        var scanned = VersionScanner.Scan(text, start, end, syntax);
        if (scanned is null)
        {
            error = new VersionError(start, $"'{Excerpt(text, start, end)}' is not a PEP 440 version: expected a release number such as 1.0 at offset {start}");
            return false;
        }

        if (scanned.End != end)
        {
            error = new VersionError(scanned.End, $"'{Excerpt(text, start, end)}' is not a PEP 440 version: unexpected '{text[scanned.End]}' at offset {scanned.End}");
            return false;
        }

        version = FromScan(text, scanned);
        error = null;
        return true;
    }

    internal static Pep440Version FromScan(string text, ScannedVersion scanned)
    {
        var epoch = scanned.Epoch.IsEmpty ? "0" : PythonText.TrimLeadingZeros(text.AsSpan(scanned.Epoch.Start, scanned.Epoch.Length));
        var builder = ImmutableArray.CreateBuilder<string>(scanned.Release.Count);
        foreach (var range in scanned.Release)
        {
            builder.Add(PythonText.TrimLeadingZeros(text.AsSpan(range.Start, range.Length)));
        }

        return new Pep440Version(
            epoch,
            builder.MoveToImmutable(),
            ToLabel(text, scanned.Pre),
            ToLabel(text, scanned.Post),
            ToLabel(text, scanned.Dev),
            scanned.Local is { } local ? ToLocal(text, local) : null);
    }

    /// <summary><c>Version(self.public)</c>: the same version without its local label.</summary>
    internal Pep440Version WithoutLocal() => Local is null ? this : new Pep440Version(EpochText, ReleaseText, Pre, Post, Dev, null);

    /// <summary><c>Version(self.base_version)</c>: epoch and release only.</summary>
    internal Pep440Version BaseOnly() =>
        Pre is null && Post is null && Dev is null && Local is null ? this : new Pep440Version(EpochText, ReleaseText, null, null, null, null);

    /// <summary>Orders exactly like packaging's <c>_cmpkey</c> tuples.</summary>
    public int CompareTo(Pep440Version? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (ReferenceEquals(this, other))
        {
            return 0;
        }

        var c = PythonText.CompareDigits(EpochText, other.EpochText);
        if (c != 0)
        {
            return c;
        }

        var shared = Math.Min(comparedReleaseLength, other.comparedReleaseLength);
        for (var i = 0; i < shared; i++)
        {
            c = PythonText.CompareDigits(ReleaseText[i], other.ReleaseText[i]);
            if (c != 0)
            {
                return c;
            }
        }

        c = comparedReleaseLength.CompareTo(other.comparedReleaseLength);
        if (c != 0)
        {
            return c;
        }

        c = CompareKeyed(PreKind(), Pre, other.PreKind(), other.Pre);
        if (c != 0)
        {
            return c;
        }

        c = CompareKeyed(Post is null ? -1 : 0, Post, other.Post is null ? -1 : 0, other.Post);
        if (c != 0)
        {
            return c;
        }

        c = CompareKeyed(Dev is null ? 1 : 0, Dev, other.Dev is null ? 1 : 0, other.Dev);
        return c != 0 ? c : CompareLocal(Local, other.Local);
    }

    public int CompareTo(object? obj) =>
        obj is Pep440Version other ? CompareTo(other) : throw new ArgumentException("Not a Pep440Version.", nameof(obj));

    public bool Equals(Pep440Version? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is Pep440Version other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(EpochText, StringComparer.Ordinal);
        for (var i = 0; i < comparedReleaseLength; i++)
        {
            hash.Add(ReleaseText[i], StringComparer.Ordinal);
        }

        hash.Add(Pre);
        hash.Add(Post);
        hash.Add(Dev);
        if (Local is { } local)
        {
            foreach (var segment in local)
            {
                hash.Add(segment);
            }
        }

        return hash.ToHashCode();
    }

    /// <summary>Exactly <c>str(Version(text))</c>.</summary>
    public override string ToString()
    {
        if (normalized is not null)
        {
            return normalized;
        }

        var builder = new StringBuilder();
        if (EpochText != "0")
        {
            builder.Append(EpochText).Append('!');
        }

        builder.AppendJoin('.', ReleaseText);
        if (Pre is { } pre)
        {
            builder.Append(pre.Letter).Append(pre.Number);
        }

        if (Post is { } post)
        {
            builder.Append(".post").Append(post.Number);
        }

        if (Dev is { } dev)
        {
            builder.Append(".dev").Append(dev.Number);
        }

        if (Local is { } local)
        {
            builder.Append('+').AppendJoin('.', local);
        }

        return normalized = builder.ToString();
    }

    public static bool operator ==(Pep440Version? left, Pep440Version? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Pep440Version? left, Pep440Version? right) => !(left == right);

    public static bool operator <(Pep440Version left, Pep440Version right) => left.CompareTo(right) < 0;

    public static bool operator <=(Pep440Version left, Pep440Version right) => left.CompareTo(right) <= 0;

    public static bool operator >(Pep440Version left, Pep440Version right) => left.CompareTo(right) > 0;

    public static bool operator >=(Pep440Version left, Pep440Version right) => left.CompareTo(right) >= 0;

    internal static string Excerpt(string text, int start, int end)
    {
        const int Max = 60;
        return end - start <= Max ? text[start..end] : string.Concat(text.AsSpan(start, Max), "...");
    }

    /// <summary>-2 = NegativeInfinity (dev-only release sorts before its pre-releases), 0 = has pre, 1 = Infinity.</summary>
    private int PreKind() => Pre is not null ? 0 : (Post is null && Dev is not null ? -2 : 1);

    private static int CompareKeyed(int kind, VersionLabel? label, int otherKind, VersionLabel? otherLabel)
    {
        if (kind != otherKind)
        {
            return kind < otherKind ? -1 : 1;
        }

        return kind == 0 ? label!.Value.CompareTo(otherLabel!.Value) : 0;
    }

    private static int CompareLocal(ImmutableArray<LocalSegment>? left, ImmutableArray<LocalSegment>? right)
    {
        if (left is not { } a)
        {
            return right is null ? 0 : -1;
        }

        if (right is not { } b)
        {
            return 1;
        }

        var shared = Math.Min(a.Length, b.Length);
        for (var i = 0; i < shared; i++)
        {
            var c = a[i].CompareTo(b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private static VersionLabel? ToLabel(string text, ScannedLabel? scanned)
    {
        if (scanned is not { } label)
        {
            return null;
        }

        var number = label.Number.IsEmpty ? "0" : PythonText.TrimLeadingZeros(text.AsSpan(label.Number.Start, label.Number.Length));
        if (label.ImplicitPost)
        {
            return new VersionLabel("post", number);
        }

        // _parse_letter_version: lower-case, then the alternative spellings.
        var letter = PythonText.Lower(text.AsSpan(label.Letter.Start, label.Letter.Length));
        letter = letter switch
        {
            "alpha" => "a",
            "beta" => "b",
            "c" or "pre" or "preview" => "rc",
            "rev" or "r" => "post",
            _ => letter,
        };
        return new VersionLabel(letter, number);
    }

    private static ImmutableArray<LocalSegment> ToLocal(string text, TextRange range)
    {
        var builder = ImmutableArray.CreateBuilder<LocalSegment>();
        var start = range.Start;
        for (var i = range.Start; i <= range.End; i++)
        {
            if (i < range.End && !VersionScanner.IsSeparator(text[i]))
            {
                continue;
            }

            var part = text.AsSpan(start, i - start);
            var numeric = true;
            foreach (var c in part)
            {
                numeric &= PythonText.IsAsciiDigit(c);
            }

            builder.Add(numeric ? new LocalSegment(PythonText.TrimLeadingZeros(part), true) : new LocalSegment(PythonText.Lower(part), false));
            start = i + 1;
        }

        return builder.ToImmutable();
    }
}

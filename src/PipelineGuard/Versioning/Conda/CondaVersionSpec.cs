using System.Diagnostics.CodeAnalysis;

namespace PipelineGuard.Versioning.Conda;

/// <summary>
/// A conda version spec ('1.2', '=1.2', '1.2.*', '==1.2', '&gt;=1,&lt;2', '1.2|1.4', '~=1.2.3',
/// '(1.5|1.6),&lt;2', '^1\.[0-9]$', '*'), read as conda's VersionSpec reads it
/// (https://github.com/conda/conda/blob/main/conda/models/version.py). Note that conda's VersionSpec
/// reads a bare '1.2' as '==1.2' (which 1.2.0 also matches) and '=1.2' as "starts with 1.2".
/// </summary>
internal sealed class CondaVersionSpec
{
    private readonly CondaSpecNode _root;
    private CondaVersionSet? _set;

    private CondaVersionSpec(string text, string condaText, CondaSpecNode root)
    {
        Text = text;
        CondaText = condaText;
        _root = root;
        IsExactPin = IsPinnedForm(text);
    }

    /// <summary>The text as written.</summary>
    public string Text { get; }

    /// <summary>
    /// The text conda evaluates. The same as <see cref="Text"/> unless this spec came from a
    /// MatchSpec, whose parser rewrites the version first ('=1.2' becomes '1.2*', '==1.2' becomes '1.2').
    /// </summary>
    public string CondaText { get; }

    /// <summary>
    /// Pinned to one version by PipelineGuard's contract: '=V', '==V' or a bare 'V' with no '*',
    /// '&gt;', '&lt;', '!', '~', '|', ',' or parentheses. conda treats '=1.21.2' as fuzzy
    /// (1.21.2.*), but it is the community's pinning convention, so it counts as pinned.
    /// </summary>
    public bool IsExactPin { get; }

    internal CondaSpecNode Root => _root;

    /// <summary>The admitted versions as intervals of conda's order.</summary>
    internal CondaVersionSet Set => _set ??= _root.ToSet();

    public static bool TryParse(string? text, [NotNullWhen(true)] out CondaVersionSpec? spec, [NotNullWhen(false)] out string? error) =>
        TryCreate(text, text, out spec, out error);

    public static CondaVersionSpec Parse(string text) =>
        TryParse(text, out var spec, out var error) ? spec : throw new FormatException($"Invalid conda version spec '{text}': {error}.");

    /// <summary>conda's VersionSpec.match.</summary>
    public bool Contains(CondaVersion version) => _root.Matches(version);

    /// <summary>
    /// Whether the spec admits ANY version at or above <paramref name="version"/>: decided on the
    /// intervals the spec stands for, not by trying versions. Globs with an inner '*' and '^...$'
    /// regexes count as admitting everything (the safe answer for "is this held below V").
    /// </summary>
    public bool AdmitsAtOrAbove(CondaVersion version) => Set.HasAnyAtOrAbove(version);

    public override string ToString() => Text;

    /// <summary>Builds a spec whose display text differs from what conda evaluates (MatchSpec's rewriting).</summary>
    internal static bool TryCreate(string? text, string? condaText, [NotNullWhen(true)] out CondaVersionSpec? spec, [NotNullWhen(false)] out string? error)
    {
        spec = null;
        if (string.IsNullOrWhiteSpace(condaText) || text is null)
        {
            error = "empty version spec";
            return false;
        }

        var root = CondaVersionSpecParser.Parse(condaText, out error);
        if (root is null)
        {
            error ??= "invalid version spec";
            return false;
        }

        spec = new CondaVersionSpec(text, condaText, root);
        return true;
    }

    /// <summary>'=V', '==V' or 'V' where V is one plain version (an epoch '1!' is allowed; '!=' cannot parse as a version).</summary>
    internal static bool IsPinnedForm(string text)
    {
        var value = text.Trim();
        if (value.StartsWith("==", StringComparison.Ordinal))
        {
            value = value[2..];
        }
        else if (value.StartsWith('='))
        {
            value = value[1..];
        }

        if (value.Length == 0 || value.AsSpan().IndexOfAny("*<>~|,()^$@=[] \t") >= 0)
        {
            return false;
        }

        return CondaVersion.TryParse(value, out _, out _);
    }
}

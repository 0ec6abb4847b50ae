namespace PipelineGuard.Versioning.Conda;

/// <summary>
/// One conda dependency as `conda env create` reads it (MatchSpec,
/// https://github.com/conda/conda/blob/main/conda/models/match_spec.py): optional channel and
/// subdir, the package name (lower case), an optional version spec and an optional build string.
/// Ranges are 0-based (start, length) into <see cref="Text"/>, for SourceText.SpanOf.
/// </summary>
internal sealed record CondaMatchSpec
{
    public required string Text { get; init; }

    /// <summary>The channel before '::' or from [channel=...], as written (conda would also canonicalise it); null when none.</summary>
    public string? Channel { get; init; }

    public string? Subdir { get; init; }

    /// <summary>The package name, lower case (conda compares names case-insensitively).</summary>
    public required string Name { get; init; }

    public required (int Start, int Length) NameRange { get; init; }

    /// <summary>The version constraint as written, including its operator ('=1.2', '&gt;=1,&lt;2'); spaces removed as conda does.</summary>
    public string? VersionText { get; init; }

    /// <summary>Where the version constraint was written; null when there is none.</summary>
    public (int Start, int Length)? VersionRange { get; init; }

    /// <summary>The parsed version spec; its <see cref="CondaVersionSpec.CondaText"/> is the text after conda's MatchSpec rewriting.</summary>
    public CondaVersionSpec? Version { get; init; }

    public string? Build { get; init; }

    /// <summary>Pinned to one version: '=V', '==V' or 'name V [build]' with a plain V (see <see cref="CondaVersionSpec.IsExactPin"/>); false without a version.</summary>
    public bool IsExactPin => VersionText is not null && CondaVersionSpec.IsPinnedForm(VersionText);

    /// <summary>Whether this dependency admits any version at or above <paramref name="version"/> (true when it has no version).</summary>
    public bool AdmitsAtOrAbove(CondaVersion version) => Version is null || Version.AdmitsAtOrAbove(version);

    /// <summary>Parses one dependency string; never throws.</summary>
    public static CondaMatchSpecParseResult Parse(string? text) => CondaMatchSpecParser.Parse(text ?? string.Empty);
}

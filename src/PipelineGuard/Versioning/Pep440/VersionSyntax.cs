namespace PipelineGuard.Versioning.Pep440;

/// <summary>The shape of version the caller's regex alternative allows.</summary>
internal readonly record struct VersionSyntax(bool AllowLocal, bool AllowWildcard, int MinReleaseParts, LetterChoice Letters)
{
    /// <summary><c>Version._regex</c>: a full version with a local segment.</summary>
    public static VersionSyntax Version => new(true, false, 1, LetterChoice.Longest);
}

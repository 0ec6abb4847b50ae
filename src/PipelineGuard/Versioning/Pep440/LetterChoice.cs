namespace PipelineGuard.Versioning.Pep440;

/// <summary>Which spelling of a pre-release letter the regex engine settles on.</summary>
internal enum LetterChoice
{
    /// <summary>Anchored match (<c>^...$</c>): backtracking ends up on the full word ("alpha", "preview").</summary>
    Longest,

    /// <summary>Unanchored match (pyparsing's Regex token): the first alternative wins ("a" of "alpha", "pre" of "preview").</summary>
    FirstAlternative,
}

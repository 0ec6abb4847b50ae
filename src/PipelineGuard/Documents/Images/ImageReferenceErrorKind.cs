namespace PipelineGuard.Documents.Images;

/// <summary>What kind of mistake makes a text an invalid image reference.</summary>
internal enum ImageReferenceErrorKind
{
    Empty,
    Backslash,
    Whitespace,
    InvalidCharacter,
    UrlScheme,
    MissingName,
    Uppercase,
    EmptyPathComponent,
    InvalidSeparator,
    InvalidRegistry,
    NameTooLong,
    HexadecimalName,
    EmptyTag,
    InvalidTag,
    TagTooLong,
    InvalidDigest,
    UnsupportedDigestAlgorithm,
}

namespace PipelineGuard.Versioning.Pep440;

/// <summary>The PEP 440 comparison operators (https://peps.python.org/pep-0440/#version-specifiers).</summary>
internal enum SpecifierOperator
{
    /// <summary><c>~=</c></summary>
    Compatible,

    /// <summary><c>==</c> (with or without a trailing <c>.*</c>)</summary>
    Equal,

    /// <summary><c>!=</c> (with or without a trailing <c>.*</c>)</summary>
    NotEqual,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>===</c> (arbitrary equality: a case-insensitive string comparison)</summary>
    Arbitrary,
}

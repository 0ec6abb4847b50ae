using System.Diagnostics.CodeAnalysis;

namespace PipelineGuard.Versioning.Conda;

/// <summary>Either a parsed <see cref="CondaMatchSpec"/> or a positioned <see cref="CondaSpecError"/>.</summary>
internal sealed record CondaMatchSpecParseResult
{
    private CondaMatchSpecParseResult(CondaMatchSpec? spec, CondaSpecError? error)
    {
        Spec = spec;
        Error = error;
    }

    public CondaMatchSpec? Spec { get; }

    public CondaSpecError? Error { get; }

    [MemberNotNullWhen(true, nameof(Spec))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Spec is not null;

    public static CondaMatchSpecParseResult Ok(CondaMatchSpec spec) => new(spec, null);

    public static CondaMatchSpecParseResult Fail(string message, int offset, int length) => new(null, new CondaSpecError(message, offset, Math.Max(0, length)));
}

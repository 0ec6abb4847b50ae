using System.Collections.Immutable;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// A builder flag before an instruction's arguments: <c>--from=builder</c>, <c>--platform=$BUILDPLATFORM</c>,
/// <c>--mount=type=cache,target=/root/.cache/pip</c>, <c>--link</c> (BuildKit parser.go
/// <c>extractBuilderFlags</c>: flags are the leading words that start with <c>--</c>).
/// </summary>
/// <param name="Name">Without the dashes: "from", "mount".</param>
/// <param name="Value">After '=' and quote removal; null for a bare <c>--link</c>.</param>
/// <param name="Span">The whole flag as written.</param>
/// <param name="Options">The value split on ',' into <c>key=value</c> pairs (what <c>--mount</c> uses).</param>
internal sealed record DockerFlag(
    Located<string> Name,
    Located<string>? Value,
    SourceSpan Span,
    ImmutableArray<DockerFlagOption> Options)
{
    /// <summary>The value of option <paramref name="key"/> (e.g. "type" of a mount), if present.</summary>
    public Located<string>? Option(string key) =>
        Options.FirstOrDefault(o => string.Equals(o.Key.Value, key, StringComparison.OrdinalIgnoreCase))?.Value;
}

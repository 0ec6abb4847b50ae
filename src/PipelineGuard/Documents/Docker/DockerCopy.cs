using System.Collections.Immutable;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>COPY or ADD: sources and destination as written, <c>--from</c>, <c>--chown</c>, <c>--chmod</c>.</summary>
internal sealed record DockerCopy(
    bool IsAdd,
    ImmutableArray<Located<string>> Sources,
    Located<string>? Destination,
    Located<string>? From,
    Located<string>? Chown,
    Located<string>? Chmod);

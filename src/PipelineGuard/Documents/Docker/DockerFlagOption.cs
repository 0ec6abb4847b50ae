using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>One <c>key=value</c> (or bare <c>key</c>) of a flag value such as <c>--mount=type=cache,target=/x</c>.</summary>
internal sealed record DockerFlagOption(Located<string> Key, Located<string>? Value);

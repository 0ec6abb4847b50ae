using PipelineGuard.Model;
using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Analysis;

/// <summary>One place in a Dockerfile that fixes the conda version, and that version.</summary>
internal sealed record CondaVersionInDockerfile(SourceSpan Span, string What, CondaVersion? Version, CondaVersionSpec? Spec);

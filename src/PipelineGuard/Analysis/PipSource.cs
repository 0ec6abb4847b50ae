using PipelineGuard.Documents.Pip;

namespace PipelineGuard.Analysis;

/// <summary>One document of an environment's pip install, and whether pip reads it as a constraints file.</summary>
internal sealed record PipSource(RequirementsDocument Document, bool IsConstraint);

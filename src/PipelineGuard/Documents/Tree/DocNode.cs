using PipelineGuard.Model;

namespace PipelineGuard.Documents.Tree;

/// <summary>
/// A format-neutral tree of a YAML or JSON document with a source span on every node, so that the
/// Azure ML readers are written once for both formats (v1 environments are JSON, v2 and conda are YAML).
/// YAML aliases become shared references (a DAG); walkers only descend the keys they know, so an
/// alias bomb cannot make them expand exponentially.
/// </summary>
internal abstract record DocNode(SourceSpan Span);

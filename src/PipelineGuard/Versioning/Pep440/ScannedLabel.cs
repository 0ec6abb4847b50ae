namespace PipelineGuard.Versioning.Pep440;

/// <summary>A letter-and-number part (pre, post, dev) as ranges; an empty number means "implicit 0".</summary>
internal readonly record struct ScannedLabel(TextRange Letter, TextRange Number, bool ImplicitPost);

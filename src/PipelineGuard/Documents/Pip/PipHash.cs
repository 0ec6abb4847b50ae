using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>A <c>--hash=alg:hex</c> value, split as pip's <c>_handle_merge_hash</c> does.</summary>
internal sealed record PipHash(Located<string> Algorithm, Located<string> Digest, PipOption Option);

using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// One option as written on a line: <see cref="Name"/> is the name as written ("-i", "--index-url",
/// an abbreviation such as "--extra-index"), <see cref="Spec"/> what optparse resolved it to,
/// <see cref="Value"/> its value without quotes (null for flags). Forms pip accepts:
/// "--opt value", "--opt=value", "-ovalue", "-o value" ("-o=value" gives the value "=value").
/// </summary>
internal sealed record PipOption(PipOptionSpec Spec, Located<string> Name, Located<string>? Value)
{
    public SourceSpan Span => Value is null ? Name.Span : Name.Span.To(Value.Span);
}

/// <summary>A <c>--hash=alg:hex</c> value, split as pip's <c>_handle_merge_hash</c> does.</summary>
internal sealed record PipHash(Located<string> Algorithm, Located<string> Digest, PipOption Option);

/// <summary>A <c>--config-settings KEY=VAL</c> value, split at the first '='.</summary>
internal sealed record PipConfigSetting(Located<string> Key, Located<string> Value, PipOption Option);

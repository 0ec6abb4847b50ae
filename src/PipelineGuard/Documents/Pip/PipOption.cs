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

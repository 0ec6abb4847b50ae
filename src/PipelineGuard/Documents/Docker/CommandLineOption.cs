using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>One option of an install command line: its resolved long name, the word(s) it was written in and its value.</summary>
/// <param name="Name">
/// The long name it resolves to through the tool's <see cref="CommandLineOptions"/> (<c>--extra-index-url</c> also for
/// <c>--extra-index</c>, <c>--upgrade</c> for the <c>U</c> of <c>-Ur</c>); as written when the tool does not know it.
/// </param>
/// <param name="Word">The word the option is written in (for a cluster such as <c>-Ur</c>, the whole cluster).</param>
/// <param name="Value">The value, or null for a flag; <see cref="ValueWord"/> holds it (the same word for <c>--opt=value</c>, <c>-rfile</c>).</param>
/// <param name="ValueWord">The word holding the value: <see cref="Word"/> itself, the next word, or null.</param>
/// <param name="ValueStart">Where <see cref="Value"/> starts inside <see cref="ValueWord"/>'s value.</param>
internal sealed record CommandLineOption(string Name, ShellWord Word, string? Value, ShellWord? ValueWord, int ValueStart)
{
    /// <summary>The option and its value as written: one word, or the option word through the value word.</summary>
    public SourceSpan Span => ValueWord is null || ValueWord == Word ? Word.Span : Word.Span.To(ValueWord.Span);

    /// <summary>The exact span of the value alone, or null for a flag.</summary>
    public SourceSpan? ValueSpan => ValueWord is null || Value is null ? null : ValueWord.SpanOfValue(ValueStart, Value.Length);
}

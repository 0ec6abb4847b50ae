using System.Collections.Immutable;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// One token of a shell command, as POSIX sh would split it
/// (https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_02_03).
/// <see cref="Value"/> is after quote removal but BEFORE expansion: <c>$CONDA_VERSION</c>,
/// <c>$(uname -m)</c> and backquotes stay as written.
/// </summary>
internal sealed class ShellWord
{
    private readonly SourceText _source;
    private readonly int[] _valueSourceOffsets;

    internal ShellWord(
        SourceText source,
        string value,
        string raw,
        int[] valueSourceOffsets,
        int sourceStart,
        int sourceEnd,
        bool hasQuotes,
        bool hasExpansion,
        ShellWordKind kind)
    {
        _source = source;
        Value = value;
        Raw = raw;
        _valueSourceOffsets = valueSourceOffsets;
        SourceStart = sourceStart;
        SourceEnd = Math.Max(sourceStart, sourceEnd);
        HasQuotes = hasQuotes;
        HasExpansion = hasExpansion;
        Kind = kind;
        Span = source.SpanOf(SourceStart, SourceEnd - SourceStart);
    }

    /// <summary>After quote and backslash removal; variables and substitutions as written.</summary>
    public string Value { get; }

    /// <summary>As written in the logical (continuation-joined) text.</summary>
    public string Raw { get; }

    /// <summary>Exact span in the file, also when the word spans continuation lines.</summary>
    public SourceSpan Span { get; }

    /// <summary>True when any part was quoted with ', ", $'...' or a backslash.</summary>
    public bool HasQuotes { get; }

    /// <summary>True when the word contains <c>$</c> or a backquote outside single quotes.</summary>
    public bool HasExpansion { get; }

    public ShellWordKind Kind { get; }

    public bool IsRedirection => Kind == ShellWordKind.Redirection;

    public bool IsRedirectionTarget => Kind == ShellWordKind.RedirectionTarget;

    /// <summary>Offset in the file of the first character.</summary>
    public int SourceStart { get; }

    /// <summary>Offset in the file just after the last character.</summary>
    public int SourceEnd { get; }

    /// <summary>The exact file span of a piece of <see cref="Value"/>, e.g. the name in <c>"numpy&gt;=1.2"</c>.</summary>
    public SourceSpan SpanOfValue(int start, int length)
    {
        if (_valueSourceOffsets.Length == 0)
        {
            return _source.SpanOf(SourceStart, 0);
        }

        start = Math.Clamp(start, 0, _valueSourceOffsets.Length);
        length = Math.Clamp(length, 0, _valueSourceOffsets.Length - start);
        if (start == _valueSourceOffsets.Length)
        {
            return _source.SpanOf(SourceEnd, 0);
        }

        var from = _valueSourceOffsets[start];
        if (length == 0)
        {
            return _source.SpanOf(from, 0);
        }

        var to = _valueSourceOffsets[start + length - 1] + 1;
        return _source.SpanOf(from, Math.Max(0, to - from));
    }

    /// <summary>
    /// Parses <see cref="Value"/> as a shell script, e.g. the argument of <c>bash -c "..."</c>.
    /// Spans of the inner words point into the file (inside the quotes). Escapes that quote
    /// removal already resolved are not re-read, which is right for the usual
    /// <c>bash -c "a &amp;&amp; b"</c> and approximate for nested quoting.
    /// </summary>
    public ImmutableArray<ShellCommand> ParseValueAsScript(ICollection<ParseProblem>? problems = null)
    {
        var offsets = new int[Value.Length + 1];
        Array.Copy(_valueSourceOffsets, offsets, Math.Min(Value.Length, _valueSourceOffsets.Length));
        offsets[^1] = Value.Length > 0 ? offsets[Value.Length - 1] + 1 : SourceStart;
        var text = new LogicalText(_source, Value, offsets);
        return ShellScriptParser.Parse(text, problems ?? []);
    }

    public override string ToString() => Raw;
}

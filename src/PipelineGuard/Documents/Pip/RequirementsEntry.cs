using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// What one logical line of a requirements file is, decided as pip's <c>ParsedLine</c> does:
/// requirement text before the first option → <see cref="RequirementLine"/>; else a <c>-e</c>
/// → editable <see cref="RequirementLine"/> (first <c>-e</c> only); else <c>-r</c> / <c>-c</c>
/// → <see cref="IncludeLine"/> (the first <c>-r</c>, else the first <c>-c</c>); else
/// <see cref="OptionLine"/>. A line pip rejects is a <see cref="ProblemLine"/>.
/// Closed hierarchy: these four are all.
/// </summary>
internal abstract record RequirementsEntry
{
    private protected RequirementsEntry(LogicalLine line, IReadOnlyList<PipOption> options, IReadOnlyList<Located<string>> ignoredArguments)
    {
        Line = line;
        Options = options;
        IgnoredArguments = ignoredArguments;
    }

    public LogicalLine Line { get; }

    /// <summary>The line number pip reports (first physical line of a joined line).</summary>
    public int LineNumber => Line.LineNumber;

    public SourceSpan Span => Line.Span;

    /// <summary>Every option on the line, in order, including ones pip ignores there
    /// (global options on a requirement line, per-requirement options on an option line).</summary>
    public IReadOnlyList<PipOption> Options { get; }

    /// <summary>Words among the options that optparse silently drops ("--pre foo": "foo").</summary>
    public IReadOnlyList<Located<string>> IgnoredArguments { get; }

    public IEnumerable<PipOption> OptionsOf(PipOptionSpec spec) => Options.Where(o => o.Spec == spec);
}

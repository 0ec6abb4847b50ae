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

/// <summary>Only options (<c>--index-url</c>, <c>--pre</c>, ...), possibly several.</summary>
internal sealed record OptionLine : RequirementsEntry
{
    public OptionLine(LogicalLine line, IReadOnlyList<PipOption> options, IReadOnlyList<Located<string>> ignoredArguments)
        : base(line, options, ignoredArguments)
    {
    }
}

/// <summary><c>-r file</c> / <c>-c file</c>: pip reads that file next, relative to this one's folder (or URL).</summary>
internal sealed record IncludeLine : RequirementsEntry
{
    public IncludeLine(LogicalLine line, IReadOnlyList<PipOption> options, IReadOnlyList<Located<string>> ignoredArguments, PipOption include)
        : base(line, options, ignoredArguments)
    {
        Include = include;
    }

    /// <summary>The option that wins (pip follows only one per line).</summary>
    public PipOption Include { get; }

    public Located<string> Path => Include.Value!;

    public bool IsConstraint => Include.Spec == PipOptions.Constraint;
}

/// <summary>A line pip rejects (it would stop reading the whole file there).</summary>
internal sealed record ProblemLine : RequirementsEntry
{
    public ProblemLine(LogicalLine line, IReadOnlyList<PipOption> options, IReadOnlyList<Located<string>> ignoredArguments, ParseProblem problem)
        : base(line, options, ignoredArguments)
    {
        Problem = problem;
    }

    public ParseProblem Problem { get; }
}

using PipelineGuard.Documents.Tree;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// Reads pip requirements files exactly as pip 23.2.1 does (req/req_file.py: <c>preprocess</c>,
/// <c>break_args_options</c>, <c>build_parser</c>), with an exact span for every token.
/// Never throws: lines pip rejects become <see cref="ProblemLine"/>s and document problems.
/// Included files (<c>-r</c>/<c>-c</c>) are not opened: callers follow <see cref="IncludeLine"/>s.
/// </summary>
internal static class RequirementsFileReader
{
    /// <summary>
    /// Logical lines read at most (requirements, options, blank and comment lines not counted). Real files have hundreds;
    /// a bound keeps every rule's work bounded whatever a pull request puts in (docs/limits.md).
    /// </summary>
    public const int MaxLines = 5_000;

    /// <param name="text">The file.</param>
    /// <param name="environment">
    /// Looks up <c>${NAME}</c> variables as pip's <c>os.getenv</c> would. Null (the default) keeps
    /// every reference unexpanded; <see cref="LogicalLine.Variables"/> records them either way.
    /// </param>
    public static RequirementsDocument Read(SourceText text, Func<string, string?>? environment = null) =>
        Read(text.Path, new FileOrigins(text), environment);

    /// <summary>
    /// The <c>pip:</c> sub-list of a conda environment file: each YAML scalar is one line of the
    /// requirements file conda / Azure ML write from it (joined with "\n", so a scalar ending in
    /// a backslash continues into the next, as it would for pip). Positions inside a scalar are
    /// derived from its span: see <see cref="PipListOrigins"/>.
    /// </summary>
    public static RequirementsDocument ReadPipList(IReadOnlyList<Located<string>> entries, Func<string, string?>? environment = null) =>
        Read(entries.Count > 0 ? entries[0].Span.File : string.Empty, new PipListOrigins(entries), environment);

    private static RequirementsDocument Read(string path, CharacterOrigins origins, Func<string, string?>? environment)
    {
        var lines = RequirementsPreprocessor.Preprocess(origins, environment, MaxLines, out var firstUnread);
        var entries = new List<RequirementsEntry>(lines.Count);
        var problems = new List<ParseProblem>();
        if (firstUnread is not null)
        {
            problems.Add(new ParseProblem(firstUnread.SpanOf(0, 0),
                $"more than {MaxLines} requirement lines: PipelineGuard checks the first {MaxLines} and nothing from here on " +
                $"({ReadingBound.Marker}). Split the list into files of fewer lines (-r other.txt), or install most of it from a base image."));
        }

        foreach (var line in lines)
        {
            var entry = ToEntry(line, PipLineParser.Parse(line.Mapped));
            if (entry is ProblemLine problem)
            {
                problems.Add(problem.Problem);
            }

            entries.Add(entry);
        }

        return new RequirementsDocument(path, lines, entries, problems);
    }

    /// <summary>pip's <c>ParsedLine</c> and <c>_parse_and_recurse</c> decisions.</summary>
    private static RequirementsEntry ToEntry(LogicalLine line, PipLineParse parse)
    {
        var options = parse.Options.Select(o => o.Option).ToList();
        if (parse.Problem is { } problem)
        {
            return new ProblemLine(line, options, parse.IgnoredArguments, problem);
        }

        if (parse.Arguments.Length > 0)
        {
            return new RequirementLine(line, parse.Options, parse.IgnoredArguments, parse.Arguments, isEditable: false);
        }

        var editable = parse.Options.FirstOrDefault(o => o.Option.Spec == PipOptions.Editable);
        if (editable.Value is { } target)
        {
            return new RequirementLine(line, parse.Options, parse.IgnoredArguments, target, isEditable: true);
        }

        var include = options.Find(o => o.Spec == PipOptions.Requirement) ?? options.Find(o => o.Spec == PipOptions.Constraint);
        return include is not null
            ? new IncludeLine(line, options, parse.IgnoredArguments, include)
            : new OptionLine(line, options, parse.IgnoredArguments);
    }
}

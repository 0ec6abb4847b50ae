using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// A requirements file (or a conda <c>pip:</c> list) as pip reads it. <see cref="Entries"/> and
/// <see cref="Lines"/> are parallel: one entry per logical line. Unlike pip, reading goes on
/// after a bad line; pip itself stops at the FIRST <see cref="ProblemLine"/>.
/// </summary>
internal sealed record RequirementsDocument(
    string Path,
    IReadOnlyList<LogicalLine> Lines,
    IReadOnlyList<RequirementsEntry> Entries,
    IReadOnlyList<ParseProblem> Problems)
{
    public IEnumerable<RequirementLine> Requirements => Entries.OfType<RequirementLine>();

    public IEnumerable<IncludeLine> Includes => Entries.OfType<IncludeLine>();

    /// <summary>Every option of every line, in order (also those on requirement lines).</summary>
    public IEnumerable<PipOption> AllOptions => Entries.SelectMany(e => e.Options);

    /// <summary>Some line uses <c>${NAME}</c>: what pip installs depends on the environment.</summary>
    public bool UsesEnvironmentVariables => Lines.Any(l => l.UsesEnvironmentVariables);
}

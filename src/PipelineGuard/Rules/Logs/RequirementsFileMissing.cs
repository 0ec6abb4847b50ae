using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>PG325: pip's <c>Could not open requirements file: [Errno 2] No such file or directory: 'x.txt'</c> (req/req_file.py).</summary>
internal sealed class RequirementsFileMissing : LogRule
{
    public static readonly RuleInfo Rule = new("PG325", "requirements-file-missing", Severity.Error,
        "pip could not open a requirements file that the build context does not contain.");

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } = [new(Families.Pip, 150, ["Could not open requirements file"], Missing)];

    /// <summary>The <c>-r</c> lines that include the missing file.</summary>
    public override void Link(LogSignal signal, SpecLinks links)
    {
        if (signal.RequirementText is not { } missing)
        {
            return;
        }

        foreach (var include in links.Documents().SelectMany(d => d.Includes).Where(i => SpecLinks.EndsWithPath(i.Path.Value, missing)))
        {
            links.Add(include.Path.Span, $"'{missing}' is included here");
        }
    }

    private static bool Missing(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "Could not open requirements file"))
        {
            return false;
        }

        var file = LogText.Quoted(text, text.IndexOf("directory", StringComparison.Ordinal)) ?? LogText.After(text, "requirements file:")?.Trim();
        context.Emit(new LogSignal(Rule, LogKinds.RequirementsMissingFile, Strength.Decisive, line,
            $"pip could not open the requirements file '{file}': it is not in the image where pip runs. A '-r' include is read relative to " +
            "the current folder of pip; the file must be in the build context, not excluded by .dockerignore, and copied before the step that installs it " +
            "(Azure ML copies only the conda spec into the image, so a '-r' line in a conda spec's pip: list cannot reach a repository file).")
            with { RequirementText = file });
        return true;
    }
}

using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG330: GNU make's message when the current folder has no GNUmakefile, makefile or Makefile and no target was given
/// (https://www.gnu.org/software/make/manual/html_node/Makefile-Names.html).
/// </summary>
internal sealed class MakeNoTargets : LogRule
{
    public static readonly RuleInfo Rule = new("PG330", "make-no-targets", Severity.Error,
        "make ran in a folder without a Makefile and was given no target.");

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
        [new(Families.System, 20, ["No targets specified and no makefile found"], NoMakefile)];

    /// <summary>The RUN commands that call make.</summary>
    public override void Link(LogSignal signal, SpecLinks links)
    {
        foreach (var run in links.Dockerfiles().SelectMany(d => d.Instructions).Select(i => i.Run).OfType<PipelineGuard.Documents.Docker.DockerRun>())
        {
            foreach (var command in run.Commands.Where(c => c.EffectiveArguments is [{ Value: "make" or "gmake" }, ..]))
            {
                links.Add(command.EffectiveArguments[0].Span, "make runs here");
            }
        }
    }

    private static bool NoMakefile(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "No targets specified and no makefile found"))
        {
            return false;
        }

        context.Emit(new LogSignal(Rule, LogKinds.MakeNoTargets, Strength.Decisive, line,
            "'make' ran in a folder that has no Makefile (GNUmakefile, makefile or Makefile) and was given no target. The Makefile is not in the image " +
            "at that point: COPY it (and the sources) into the image before the RUN, run make in its folder (WORKDIR, 'make -C <dir>'), or name the " +
            "file with 'make -f <file> <target>'. A Makefile must indent recipes with tabs.")
            with { RequirementText = "make" });
        return true;
    }
}

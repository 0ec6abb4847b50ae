using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG319: a command the build runs is not in the image: the shell's <c>/bin/sh: 1: X: not found</c> and <c>bash: X: command
/// not found</c>, Docker's <c>exec: "X": executable file not found in $PATH</c>, Azure ML's <c>Unable to run conda</c>; or only
/// a step's exit code 127.
/// </summary>
internal sealed class CommandNotFound : LogRule
{
    public static readonly RuleInfo Rule = new("PG319", "command-not-found", Severity.Error,
        "A command run by the build does not exist in the image (exit code 127).");

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Conda, 140, ["Unable to run conda"], NoConda),
        new(Families.System, 50, ["executable file not found"], NotInPath),
        new(Families.System, 60, ["not found"], ShellNotFound),
    ];

    public override LogSignal? FromExitCode(int code, LogLine line, string step) => code == 127
        ? new LogSignal(Rule, LogKinds.CommandNotFound, Strength.Generic, line,
            step + ": the shell did not find a command it ran. Install the command in an earlier step, or fix PATH (ENV PATH=…).")
        : null;

    private static bool NoConda(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "Unable to run conda"))
        {
            return false;
        }

        context.Emit(new LogSignal(Rule, LogKinds.CommandNotFound, Strength.Decisive, line,
            "Azure ML could not run conda in the image to create the environment from the conda spec: the custom base image has no conda on its PATH. " +
            "Install conda (Miniconda 4.5.4 or newer) in the image, or set userManagedDependencies to true and install the packages yourself.")
            with { Package = "conda", RequirementText = "conda" });
        return true;
    }

    private static bool NotInPath(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "executable file not found"))
        {
            return false;
        }

        Emit(line, context, LogText.Quoted(text, Math.Max(0, text.IndexOf("exec:", StringComparison.Ordinal))));
        return true;
    }

    private static bool ShellNotFound(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!((Has(text, ": not found") || Has(text, ": command not found")) && (Has(text, "sh:") || Has(text, "bash:"))))
        {
            return false;
        }

        var end = text.LastIndexOf(Has(text, ": command not found") ? ": command not found" : ": not found", StringComparison.Ordinal);
        var head = text[..end];
        var colon = head.LastIndexOf(": ", StringComparison.Ordinal);
        Emit(line, context, (colon < 0 ? head : head[(colon + 2)..]).Trim());
        return true;
    }

    private static void Emit(LogLine line, LogContext context, string? command)
    {
        var conda = command is "conda" or "mamba" or "micromamba";
        context.Emit(new LogSignal(Rule, LogKinds.CommandNotFound, Strength.Decisive, line,
            $"the command '{command}' does not exist in the image (exit code 127)" +
            (conda
                ? ": the base image has no conda on its PATH. Azure ML needs conda (4.5.4 or newer) in a custom base image to build the conda spec: install Miniconda in the Dockerfile, or set userManagedDependencies to true."
                : ". Install it in an earlier Dockerfile step, or fix PATH (ENV PATH=…); check its spelling."))
            with { RequirementText = command, Package = conda ? command : null });
    }
}

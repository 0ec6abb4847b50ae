using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG304: pip cannot uninstall a package the base image installed without a RECORD (exceptions.py:
/// <c>uninstall-distutils-installed-package</c>, <c>uninstall-no-record-file</c>; older pips: <c>Cannot uninstall 'X'. It is a
/// distutils installed project …</c>).
/// </summary>
internal sealed class PipCannotUninstall : LogRule
{
    public static readonly RuleInfo Rule = new("PG304", "pip-cannot-uninstall", Severity.Error,
        "pip cannot uninstall a package that distutils (or the OS) installed in the base image.");

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } = [new(Families.Pip, 80, ["Cannot uninstall", "uninstall-"], CannotUninstall)];

    private static bool CannotUninstall(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "Cannot uninstall"))
        {
            return false;
        }

        if (Starts(line.Trimmed, "error: uninstall-"))
        {
            context.UninstallCode = line.Trimmed["error: ".Length..].Trim();
            return true;
        }

        var rest = (LogText.After(text, "Cannot uninstall ") ?? string.Empty).Trim();
        var package = rest.StartsWith('\'') ? LogText.Quoted(rest) : LogText.RequirementName(rest);
        var noRecord = Has(text, "RECORD") || context.UninstallCode == "uninstall-no-record-file";
        var why = noRecord
            ? "it has no RECORD file (it was installed by the OS package manager or an old installer)"
            : "it is a distutils-installed project (typically installed by the base image with the OS or an old setup.py)";
        context.Emit(new LogSignal(Rule, LogKinds.CannotUninstall, Strength.Decisive, line,
            $"pip cannot upgrade '{package}': to replace the installed copy it must uninstall it, and {why}, so pip does not know its files. " +
            $"Keep the base image's version of '{package}' (pin it to that version), or install with 'pip install --ignore-installed {package}', or build in a separate conda environment.")
            with { Package = package, Fix = "--ignore-installed" });
        context.UninstallCode = null;
        return true;
    }
}

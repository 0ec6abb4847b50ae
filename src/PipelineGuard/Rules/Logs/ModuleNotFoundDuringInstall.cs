using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG331: "ModuleNotFoundError: No module named 'torch'" in the output of a package's setup.py or build backend: the build imports a
/// module that is not installed where it runs (pip builds in an isolated environment that holds only the declared build requirements).
/// A missing <c>distutils</c> is PG318's (Python 3.12 removed it).
/// </summary>
internal sealed class ModuleNotFoundDuringInstall : LogRule
{
    public static readonly RuleInfo Rule = new("PG331", "module-not-found-during-install", Severity.Error,
        "A package's build or setup script imports a module that is not installed (ModuleNotFoundError).");

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
        [new(Families.Pip, 210, ["No module named '"], ModuleNotFound) { ReachedThroughTheirLine = ["No module named '"] }];

    private static bool ModuleNotFound(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "No module named '") || !(Has(text, "ModuleNotFoundError") || Has(text, "ImportError")))
        {
            return false;
        }

        var module = LogText.Quoted(text, text.IndexOf("No module named", StringComparison.Ordinal));
        var package = context.CurrentPackage;
        var top = module is null ? null : LogText.Until(module, ".");
        context.Emit(new LogSignal(Rule, LogKinds.ModuleNotFound, Strength.Decisive, line, Message(module, top, package))
            with
            {
                Package = package,
                OtherPackages = top is null || top == package ? [] : [top],
                RequirementText = module,
                NamingPackage = package is null ? p => Message(module, top, p) : null,
            });
        return true;
    }

    private static string Message(string? module, string? top, string? package) =>
        $"{(package is null ? "the install step" : $"the build of '{package}'")} imports the module '{module}', which is not installed where it runs. " +
        $"pip builds a package from source in an isolated environment that holds only its declared build requirements, so '{top}' being in the spec does not help. " +
        $"Pin a release{(package is null ? string.Empty : $" of '{package}'")} that ships a wheel for this Python, install '{top}' in an earlier step and build with " +
        "'--no-build-isolation', or, for a backport such as 'dataclasses', pin a Python version the package supports; check the module's spelling.";
}

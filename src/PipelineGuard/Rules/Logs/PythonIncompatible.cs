using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG318: a package does not support the environment's Python. pip: <c>Requires-Python</c> refusals (<c>requires a different
/// Python</c>, <c>require a different python version</c>; -v's <c>Link requires a different Python</c> only explains a later
/// not-found), builds that use what Python 3.12 removed (<c>pkgutil.ImpImporter</c>, <c>distutils</c>). conda:
/// <c>… existing python installation</c> (also inside the conflicts PG312 reads after <c>UnsatisfiableError</c>).
/// </summary>
internal sealed class PythonIncompatible : LogRule
{
    public static readonly RuleInfo Rule = new("PG318", "python-incompatible", Severity.Error,
        "A package does not support the environment's Python version.");

    public override RuleInfo Info => Rule;

    public override LogTraits Traits => LogTraits.NamesFailingPackage;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Pip, 30, ["require a different python"], NoReleaseForPython) { ReachedThroughTheirLine = ["require a different python"] },
        new(Families.Pip, 40, ["requires a different Python"], RequiresPython)
        {
            LineStarts = ["Link requires"],
            ReachedThroughTheirLine = ["requires a different Python"],
        },
        new(Families.Pip, 200, ["ImpImporter", "No module named 'distutils'"], RemovedIn312)
        {
            ReachedThroughTheirLine = ["ImpImporter", "No module named 'distutils'"],
        },
        new(Families.Conda, 90, ["existing python installation"], CondaPython) { ReachedThroughTheirLine = ["existing python installation"] },
    ];

    public override bool NamesCondaPackages(LogSignal signal) =>
        signal.Kind == LogKinds.PythonIncompatible && signal.Line.Text.Contains("python installation", StringComparison.Ordinal);

    public override void Link(LogSignal signal, SpecLinks links) => links.AddPythonPins();

    /// <summary>conda's conflicts with the existing Python, read by PG312 after <c>UnsatisfiableError</c>.</summary>
    public static LogSignal CondaConflict(LogLine line, string? yourPython, IReadOnlyList<string> conflicts, IReadOnlyList<string> names) =>
        new LogSignal(Rule, LogKinds.PythonIncompatible, Strength.Decisive, line,
            $"conda found specs incompatible with the environment's Python{(yourPython is null ? string.Empty : $" ({yourPython})")}" +
            (conflicts.Count > 0 ? $": {string.Join("; ", conflicts)}" : string.Empty) +
            ". Pin a Python that every package supports, or releases of the packages that support this Python.")
            with { Package = names.FirstOrDefault(), OtherPackages = [.. names.Skip(1)] };

    private static bool NoReleaseForPython(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "require a different python version"))
        {
            return false;
        }

        var list = LogText.Clip(LogText.After(text, "python version:")?.Trim() ?? string.Empty, 120);
        context.Emit(new LogSignal(Rule, LogKinds.NoCompatibleDistribution, Strength.Decisive, line, NoReleaseMessage(list, null))
            with { NamingPackage = p => NoReleaseMessage(list, p) });
        return true;
    }

    private static string NoReleaseMessage(string list, string? package)
    {
        var it = package is null ? "the package" : $"'{package}'";
        return $"every release of {it} that pip found needs another Python ({list}), so none can be installed. " +
               $"Pin a Python version that {it} supports, or a release of {it} that supports the environment's Python.";
    }

    private static bool RequiresPython(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "requires a different Python"))
        {
            return false;
        }

        if (Starts(line.Trimmed, "Link requires a different Python"))
        {
            var url = LogText.Url(text);
            context.Emit(new LogSignal(Rule, LogKinds.NoCompatibleDistribution, Strength.Hidden, line,
                $"a file of the package needs another Python ({LogText.Clip(LogText.Until(LogText.After(text, "Python (") ?? string.Empty, "):"), 60)})")
                with { Package = LogText.ProjectOfUrl(url) });
            return true;
        }

        var package = LogText.Quoted(text);
        var detail = LogText.After(text, "requires a different Python:")?.Trim() ?? string.Empty;
        context.Emit(new LogSignal(Rule, LogKinds.PythonIncompatible, Strength.Decisive, line,
            $"'{package}' does not support the environment's Python ({detail}: the first is the Python of the build, the second what the package accepts). " +
            $"Pin a Python version in that range, or a release of '{package}' that supports the environment's Python.")
            with { Package = package });
        return true;
    }

    private static bool RemovedIn312(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "ImpImporter") && !Has(text, "No module named 'distutils'"))
        {
            return false;
        }

        var package = context.CurrentPackage;
        var what = Has(text, "ImpImporter") ? "pkgutil.ImpImporter" : "distutils";
        context.Emit(new LogSignal(Rule, LogKinds.PythonIncompatible, Strength.Decisive, line, RemovedMessage(what, package))
            with { Package = package, NamingPackage = package is null ? p => RemovedMessage(what, p) : null });
        return true;
    }

    private static string RemovedMessage(string what, string? package) =>
        $"{(package is null ? "a package" : $"'{package}'")} could not be built because its build uses {what}, which Python 3.12 removed " +
        "(an old setuptools or pkg_resources). Pin a release of the package that supports the environment's Python (newer releases ship wheels), " +
        "upgrade setuptools and pip before it, or pin a Python below 3.12.";

    private static bool CondaPython(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "existing python installation"))
        {
            return false;
        }

        context.Emit(new LogSignal(Rule, LogKinds.PythonIncompatible, Strength.Decisive, line,
            "conda found specs that are incompatible with the environment's Python. Pin a Python that every package supports, or releases of the packages that support this Python."));
        return true;
    }
}

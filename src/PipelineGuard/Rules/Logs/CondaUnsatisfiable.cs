using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG312: conda found the specs incompatible: the classic solver's <c>UnsatisfiableError</c> and the conflicts listed after
/// it, libmamba's <c>Encountered problems while solving</c> list and <c>Could not solve for environment specs</c> tree (whose
/// missing packages are PG302's, and whose Python conflicts are PG318's), and the context line <c>Found conflicts!</c>.
/// </summary>
internal sealed class CondaUnsatisfiable : LogRule
{
    public static readonly RuleInfo Rule = new("PG312", "conda-unsatisfiable", Severity.Error,
        "conda found the specs incompatible with each other (UnsatisfiableError).");

    public override RuleInfo Info => Rule;

    public override LogTraits Traits => LogTraits.CanFailAlone;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Conda, 50, ["Encountered problems while solving"], LibMambaProblems)
        {
            LineStarts = ["Encountered problems"],
            ReachedThroughTheirLine = ["Encountered problems while solving", "LibMambaUnsatisfiableError"],
        },
        new(Families.Conda, 60, ["Could not solve for environment"], LibMambaTree),
        new(Families.Conda, 80, ["UnsatisfiableError"], Unsatisfiable) { ReachedThroughTheirLine = ["UnsatisfiableError"] },
        new(Families.Conda, 100, ["Found conflicts"], FoundConflicts),
    ];

    public override bool NamesCondaPackages(LogSignal signal) => true;

    public override void Link(LogSignal signal, SpecLinks links) => links.AddPythonPins();

    public static LogSignal Signal(LogLine line, IReadOnlyList<string> conflicts, IReadOnlyList<string> names) =>
        new LogSignal(Rule, LogKinds.CondaUnsatisfiable, Strength.Decisive, line,
            "conda cannot find versions of the specs that fit together" + (conflicts.Count > 0 ? $" ({string.Join("; ", conflicts.Take(4))})" : string.Empty) +
            ". Loosen or change the pins that conflict (often the Python version against an old package pin), and drop packages the job does not need.")
            with { Package = names.FirstOrDefault(), OtherPackages = [.. names.Skip(1)] };

    private static bool LibMambaProblems(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "Encountered problems while solving"))
        {
            return false;
        }

        var group = context.Store.NewGroup();
        var conflicts = new List<string>();
        var found = 0;
        context.StartCapture(next =>
        {
            var t = next.Trimmed;
            if (!Starts(t, "- "))
            {
                return false;
            }

            if (Has(t, "nothing provides requested "))
            {
                var spec = LogText.After(t, "nothing provides requested ")!.Trim();
                context.Emit(CondaPackageNotFound.Signal(next, LogText.CondaName(spec), spec, group));
                found++;
            }
            else if (conflicts.Count < 6)
            {
                conflicts.Add(t[2..].Trim());
            }

            return true;
        }, () =>
        {
            if (found == 0)
            {
                context.Emit(Signal(line, conflicts, [.. conflicts.Select(PackageOfProblem).OfType<string>()]));
            }
        });
        return true;
    }

    private static bool LibMambaTree(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "Could not solve for environment"))
        {
            return false;
        }

        var group = context.Store.NewGroup();
        var conflicts = new List<string>();
        var names = new List<string>();
        var found = 0;
        context.StartCapture(next =>
        {
            var t = next.Trimmed;
            if (t.Length == 0)
            {
                return false;
            }

            if (Starts(t, "The following") || t[0] is '├' or '└' or '│' or '─')
            {
                if (Has(t, "does not exist (perhaps"))
                {
                    var name = CondaPackageNotFound.TreeName(LogText.Until(t, " does not exist"));
                    context.Emit(CondaPackageNotFound.Signal(next, name, name, group));
                    found++;
                }
                else if (Has(t, "is not installable") || Has(t, "conflicts with") || Has(t, "is requested and can be installed") || Has(t, "is installable"))
                {
                    var name = CondaPackageNotFound.TreeName(LogText.Until(t, " is ", " conflicts"));
                    if (name is not null && names.Count < 8 && !names.Contains(name))
                    {
                        names.Add(name);
                    }

                    if (conflicts.Count < 4 && Has(t, "not installable"))
                    {
                        conflicts.Add(t.Trim('├', '└', '│', '─', ' '));
                    }
                }

                return true;
            }

            return false;
        }, () =>
        {
            // libmamba prints the tree after its problem list: one event, reported once.
            if (found == 0 && context.Store.Last(Rule, line.Segment, s => line.Number - s.Line.Number < 20) is null &&
                context.Store.Last(CondaPackageNotFound.Rule, line.Segment, s => line.Number - s.Line.Number < 20) is null)
            {
                context.Emit(Signal(line, conflicts, names));
            }
        });
        return true;
    }

    private static bool Unsatisfiable(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "UnsatisfiableError"))
        {
            return false;
        }

        var python = Has(line.Text, "existing python installation");
        var conflicts = new List<string>();
        var names = new List<string>();
        string? yourPython = null;
        context.StartCapture(next =>
        {
            var t = next.Trimmed;
            if (Starts(t, "The command") || Starts(t, "ERROR") || Starts(t, "CondaValueError") || Starts(t, "Step ") || Starts(t, "#"))
            {
                return false;
            }

            if (Has(t, "existing python installation"))
            {
                python = true;
            }
            else if (Starts(t, "Your python:"))
            {
                yourPython = t["Your python:".Length..].Trim();
            }
            else if (Starts(t, "Output in format"))
            {
                return true;
            }
            else if (Has(t, " -> ") || Starts(t, "Package "))
            {
                var item = Starts(t, "Package ") ? LogText.Until(t["Package ".Length..], " conflicts") : LogText.CondaName(t.TrimStart('-', ' '));
                if (item is not null && names.Count < 8 && !names.Contains(item))
                {
                    names.Add(item);
                }

                if (Has(t, " -> ") && conflicts.Count < 4)
                {
                    conflicts.Add(t.TrimStart('-', ' '));
                }
            }

            return true;
        }, () => context.Emit(python ? PythonIncompatible.CondaConflict(line, yourPython, conflicts, names) : Signal(line, conflicts, names)), lines: 60);
        return true;
    }

    private static bool FoundConflicts(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "Found conflicts"))
        {
            return false;
        }

        context.Emit(new LogSignal(Rule, LogKinds.CondaUnsatisfiable, Strength.Context, line,
            "conda found conflicts between the specs and is looking for the incompatible packages: this can take very long and usually ends in UnsatisfiableError. " +
            "Pin versions that fit together (and the Python version), and remove packages the job does not need."));
        return true;
    }

    /// <summary>The package of a libmamba problem: <c>package numpy-1.26.4-py312h8753938_0 requires …</c> → <c>numpy</c>.</summary>
    private static string? PackageOfProblem(string problem)
    {
        var s = problem.StartsWith("package ", StringComparison.Ordinal) ? problem[8..] : problem.Replace("nothing provides ", string.Empty, StringComparison.Ordinal);
        var token = s.Split(' ', 2)[0];
        var parts = token.Split('-');
        return parts.Length >= 3 && parts[^2].Length > 0 && char.IsAsciiDigit(parts[^2][0])
            ? string.Join('-', parts[..^2])
            : LogText.CondaName(token);
    }
}

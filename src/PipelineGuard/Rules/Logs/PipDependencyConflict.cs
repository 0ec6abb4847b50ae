using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG313: pip's conflicts (resolution/resolvelib/factory.py): <c>Cannot install A and B because these package versions have
/// conflicting dependencies</c> with the causes after it, <c>ERROR: ResolutionImpossible</c>; and, as context, the installed
/// packages that conflict (<c>pip's dependency resolver does not currently take into account …</c>, pip &lt; 20.3's
/// <c>… has requirement …, which is incompatible</c>).
/// </summary>
internal sealed class PipDependencyConflict : LogRule
{
    public static readonly RuleInfo Rule = new("PG313", "pip-dependency-conflict", Severity.Error,
        "pip found conflicting dependencies (ResolutionImpossible).");

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Pip, 100, ["Cannot install "], Conflict) { ReachedThroughTheirLine = ["Cannot install "] },
        new(Families.Pip, 110, ["ResolutionImpossible"], ResolutionImpossible) { ReachedThroughTheirLine = ["ResolutionImpossible"] },
        new(Families.Pip, 120, ["dependency resolver does not currently"], InstalledConflicts)
        {
            ReachedThroughTheirLine = ["dependency resolver does not currently"],
        },
        new(Families.Pip, 130, ["which is incompatible"], LegacyConflict) { ReachedThroughTheirLine = ["which is incompatible"] },
    ];

    private static bool Conflict(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "Cannot install ") || !Has(text, "conflicting dependencies"))
        {
            return false;
        }

        var list = LogText.Until(LogText.After(text, "Cannot install ")!, " because");
        var parts = list.Replace(" and ", ", ", StringComparison.Ordinal).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var names = parts.Select(p => p.StartsWith("-r ", StringComparison.Ordinal) ? p : LogText.RequirementName(p) ?? p).ToList();
        var reference = parts.Select(PipReference.Parse).FirstOrDefault(r => r.Line is not null) ?? PipReference.None;
        var causes = new List<string>();
        var header = new LogSignal(Rule, LogKinds.DependencyConflict, Strength.Decisive, line, string.Empty);
        context.StartCapture(next =>
        {
            var t = next.Trimmed;
            if (Starts(t, "ERROR") || Starts(t, "To fix this"))
            {
                return false;
            }

            if (Has(t, " depends on ") || Starts(t, "The user requested"))
            {
                causes.Add(t);
            }

            return true;
        }, () => context.Emit(header with
        {
            Message = $"pip cannot install {list} together: their dependencies conflict" +
                      (causes.Count > 0 ? $" ({string.Join("; ", causes.Take(4))})" : string.Empty) +
                      ". Loosen or change one of the pins so that one version of the shared dependency fits all of them.",
            Package = names.FirstOrDefault(n => !n.StartsWith('-')),
            OtherPackages = [.. names.Where(n => !n.StartsWith('-')).Skip(1)],
            RequirementsFile = reference.File,
            RequirementsLine = reference.Line,
        }), lines: 20);
        return true;
    }

    private static bool ResolutionImpossible(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "ResolutionImpossible"))
        {
            return false;
        }

        // Only pip's own message; -vv tracebacks name the exception too ("raise ResolutionImpossible(…)").
        if (Starts(line.Trimmed, "ERROR: ResolutionImpossible") &&
            context.Store.Last(Rule, line.Segment, s => s.Kind == LogKinds.DependencyConflict) is null)
        {
            context.Emit(new LogSignal(Rule, LogKinds.DependencyConflict, Strength.Decisive, line,
                "pip found no set of versions that satisfies every requirement (ResolutionImpossible). Read the lines above it for the two requirements in conflict, then loosen one of them."));
        }

        return true;
    }

    private static bool InstalledConflicts(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "dependency resolver does not currently"))
        {
            return false;
        }

        var conflicts = new List<string>();
        var header = new LogSignal(Rule, LogKinds.InstalledConflict, Strength.Context, line, string.Empty);
        context.StartCapture(next =>
        {
            var t = next.Trimmed;
            if (!Has(t, " requires ") || !Has(t, "incompatible"))
            {
                return false;
            }

            conflicts.Add(t);
            return true;
        }, () => context.Emit(header with
        {
            Message = "pip installed packages whose requirements conflict with what is already installed" +
                      (conflicts.Count > 0 ? $" ({string.Join("; ", conflicts.Take(3))})" : string.Empty) +
                      ". The build goes on, but the job may fail at import; pin versions that fit together.",
            Package = conflicts.Count > 0 ? LogText.RequirementName(conflicts[0]) : null,
        }), lines: 30);
        return true;
    }

    /// <summary>pip &lt; 20.3 (legacy resolver): "ERROR: x 1.0 has requirement y==1.0, but you'll have y 2.0 which is incompatible." The install goes on.</summary>
    private static bool LegacyConflict(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "which is incompatible") || !Has(text, " has requirement "))
        {
            return false;
        }

        var package = LogText.RequirementName(LogText.After(text, "ERROR: ") ?? line.Trimmed);
        context.Emit(new LogSignal(Rule, LogKinds.InstalledConflict, Strength.Context, line,
            $"pip's old resolver installed versions that do not fit together: {LogText.Clip(line.Trimmed)}. The build goes on, but the job may fail at import; pin versions that fit.")
            with { Package = package });
        return true;
    }
}

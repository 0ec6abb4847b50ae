using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using PipelineGuard.Rules.Logs;

namespace PipelineGuard.Diagnosis;

/// <summary>
/// Decides which steps failed and, for each, the root cause: the first decisive signal of the step, not the wrapper.
/// A "not found" that a network, authorization or compatibility problem explains (the same package, earlier in the
/// step) yields to that explanation. A step with no decisive signal falls back to a generic one, then to context that
/// can fail a build by itself (endless backtracking, retries), then to its exit code (127, 137, 100).
/// </summary>
internal static class RootCauseAnalyzer
{
    public static IReadOnlyList<RankedSignal> Rank(IReadOnlyList<LogSignal> signals, BuildSteps steps)
    {
        var bySegment = signals.GroupBy(s => s.Segment).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Line.Number).ToList());
        var roots = new List<LogSignal>();
        var replaced = new HashSet<LogSignal>(ReferenceEqualityComparer.Instance);
        var consequences = new Dictionary<LogSignal, LogSignal>(ReferenceEqualityComparer.Instance);

        foreach (var step in FailingSteps(bySegment, steps))
        {
            var list = bySegment.GetValueOrDefault(step.Segment) ?? [];
            var root = PickRoot(list, step);
            if (root is null)
            {
                continue;
            }

            var (final, original) = Explain(root, list);
            if (original is not null)
            {
                consequences[original] = final;
            }

            if (!ReferenceEquals(final, root) && original is null)
            {
                replaced.Add(root);
            }

            roots.Add(Enrich(final, list));
            if (final.Group != 0)
            {
                roots.AddRange(list.Where(s => s.Group == final.Group && !ReferenceEquals(s, final) && s.Strength > Strength.Hidden));
            }
        }

        var rootSet = new HashSet<LogSignal>(roots, ReferenceEqualityComparer.Instance);
        var ranked = roots.Select(r => new RankedSignal(r, Severity.Error)).ToList();
        foreach (var signal in signals)
        {
            if (signal.Strength == Strength.Hidden || rootSet.Contains(signal) || replaced.Contains(signal) ||
                roots.Any(r => r.Line.Number == signal.Line.Number && r.Rule.Id == signal.Rule.Id && r.Segment == signal.Segment))
            {
                continue;
            }

            var notice = consequences.TryGetValue(signal, out var cause)
                ? signal with { Message = signal.Message + $" This is probably a consequence of the {cause.Rule.Name} ({cause.Rule.Id}) reported at line {cause.Line.Number}." }
                : signal;
            if (notice.Count > 1)
            {
                notice = notice with { Message = notice.Message + $" (seen {notice.Count} times)" };
            }

            ranked.Add(new RankedSignal(notice, Severity.Notice));
        }

        return ranked;
    }

    /// <summary>Steps that failed: marked so (an exit code, a conda wrapper), or not marked as succeeded yet holding a decisive signal after their last success line.</summary>
    private static IEnumerable<BuildStep> FailingSteps(Dictionary<int, List<LogSignal>> bySegment, BuildSteps steps)
    {
        var failing = new List<BuildStep>();
        foreach (var step in steps.All)
        {
            var list = bySegment.GetValueOrDefault(step.Segment);
            var failed = step.Status switch
            {
                StepStatus.Failed => true,
                StepStatus.Unknown => list is not null && list.Any(s => s.Strength == Strength.Decisive && s.Line.Number > step.LastSuccessLine),
                _ => false,
            };
            if (failed)
            {
                failing.Add(step);
            }
        }

        // The build failed as a whole but no step says why: look at the steps that have any recognised failure.
        if (failing.Count == 0 && steps.BuildFailed)
        {
            failing.AddRange(steps.All.Where(s => s.Status == StepStatus.Unknown &&
                bySegment.GetValueOrDefault(s.Segment) is { } list && list.Any(x => x.Strength >= Strength.Generic || CanFailAlone(x))));
        }

        return failing.OrderBy(s => bySegment.GetValueOrDefault(s.Segment)?.FirstOrDefault()?.Line.Number ?? s.FailureLine);
    }

    private static LogSignal? PickRoot(List<LogSignal> list, BuildStep step)
    {
        var root = list.FirstOrDefault(s => s.Strength == Strength.Decisive)
                   ?? list.FirstOrDefault(s => s.Strength == Strength.Generic)
                   ?? list.FirstOrDefault(CanFailAlone);
        if (root is not null)
        {
            return root.Strength == Strength.Context
                ? root with { Message = root.Message + " Nothing else in the failing step explains the failure.", NamingPackage = null }
                : root;
        }

        return FromExitCode(step);
    }

    /// <summary>Context that can fail a build by itself: endless backtracking, retries that ran out, a solver stuck on conflicts.</summary>
    private static bool CanFailAlone(LogSignal s) => s.Strength == Strength.Context && Has(s, LogTraits.CanFailAlone);

    private static bool Has(LogSignal s, LogTraits trait) => (LogRuleSet.Of(s.Rule).Traits & trait) != 0;

    private static LogSignal? FromExitCode(BuildStep step)
    {
        if (step.FailureLine == 0 || step.ExitCode is not { } code)
        {
            return null;
        }

        var line = new LogLine(step.FailureLine, string.Empty, 1, 1, step.Segment);
        var what = $"the step '{LogText.Clip(step.Header, 100)}' failed with exit code {code}";
        foreach (var rule in LogRuleSet.Rules)
        {
            if (rule.FromExitCode(code, line, what) is { } signal)
            {
                return signal;
            }
        }

        return null;
    }

    /// <summary>A "not found" that an earlier signal of the same step explains yields to it; returns (root, the not-found it replaced or null).</summary>
    private static (LogSignal Root, LogSignal? Replaced) Explain(LogSignal root, List<LogSignal> list)
    {
        if (!IsLookupFailure(root))
        {
            return (root, null);
        }

        var explainer = list.FirstOrDefault(s => s.Line.Number <= root.Line.Number && !ReferenceEquals(s, root) && Explains(s) && SamePackage(s.Package, root.Package));
        if (explainer is null)
        {
            return (root, null);
        }

        if (explainer.Kind == LogKinds.NoCompatibleDistribution && explainer.Strength == Strength.Hidden)
        {
            var rewritten = root with
            {
                Rule = explainer.Rule,
                Kind = LogKinds.NoCompatibleDistribution,
                Message = $"pip found no distribution of '{root.RequirementText ?? root.Package}' that this environment can install: {explainer.Message}. " +
                          "Pin a Python version that the package supports, or a release of the package that ships files for this Python and platform.",
                NamingPackage = null,
            };
            return (rewritten, null);
        }

        var promoted = explainer with
        {
            Strength = Strength.Decisive,
            Package = explainer.Package ?? root.Package,
            RequirementText = explainer.RequirementText ?? root.RequirementText,
            RequirementsFile = explainer.RequirementsFile ?? root.RequirementsFile,
            RequirementsLine = explainer.RequirementsLine ?? root.RequirementsLine,
            FromPackage = explainer.FromPackage ?? root.FromPackage,
            Message = explainer.Message + $" It is why '{root.RequirementText ?? root.Package}' was then reported as not found (line {root.Line.Number}): that not-found is a consequence of this.",
            NamingPackage = null,
        };
        return (promoted, root);
    }

    private static bool IsLookupFailure(LogSignal s) => LogRuleSet.Of(s.Rule).IsLookupFailure(s);

    private static bool Explains(LogSignal s) => Has(s, LogTraits.ExplainsLookupFailure) || s.Kind == LogKinds.NoCompatibleDistribution;

    private static bool SamePackage(string? explainer, string? root) =>
        explainer is null || root is null ||
        Documents.Pip.RequirementTargetScanner.Normalize(explainer) == Documents.Pip.RequirementTargetScanner.Normalize(root);

    /// <summary>A root cause that names no package takes it from the next signal of the step that does (a compiler error, then "Failed building wheel for X").</summary>
    private static LogSignal Enrich(LogSignal root, List<LogSignal> list)
    {
        if (root.Package is not null)
        {
            return root;
        }

        var donor = list.FirstOrDefault(s => s.Line.Number > root.Line.Number && s.Line.Number - root.Line.Number <= 40 && s.Package is not null &&
                                              Has(s, LogTraits.NamesFailingPackage));
        return donor is null
            ? root
            : root with
            {
                Package = donor.Package,
                RequirementText = root.RequirementText ?? donor.RequirementText,
                RequirementsFile = root.RequirementsFile ?? donor.RequirementsFile,
                RequirementsLine = root.RequirementsLine ?? donor.RequirementsLine,
                FromPackage = root.FromPackage ?? donor.FromPackage,
                Message = root.NamingPackage?.Invoke(donor.Package!) ?? root.Message,
                NamingPackage = null,
            };
    }
}

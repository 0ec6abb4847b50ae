using PipelineGuard.Configuration;
using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Rules.Documents;

namespace PipelineGuard.Engine;

/// <summary>
/// The stage between rules and reporters: inline suppressions (unless disallowed), then the baseline, then
/// per-rule severities. Stale ignore comments become PG134 notices;
/// misspelt ones (an unknown directive or rule) PG134 warnings. Pure: it reads the workspace and settings only.
/// </summary>
internal static class FindingFilter
{
    public static (List<Finding> Kept, List<SuppressedFinding> Suppressed) Apply(
        IReadOnlyList<Finding> findings, Workspace workspace, Settings settings, Baseline? baseline)
    {
        var kept = findings.Where(f => !settings.IsOff(f.RuleId)).ToList();
        var suppressed = new List<SuppressedFinding>();
        if (settings.AllowInlineIgnores)
        {
            kept = ApplyInline(kept, workspace, settings, suppressed);
        }

        if (baseline is not null)
        {
            kept = ApplyBaseline(kept, workspace, baseline, suppressed);
        }

        // Only a configured severity changes a finding: a log rule's notices (signatures that are not the root
        // cause) keep their notice level even though the rule's default is error.
        kept = kept.Select(f => settings.ConfiguredSeverity(f.RuleId) is { } s && s != f.Severity ? f with { Severity = s } : f).ToList();
        return (kept, suppressed);
    }

    private static List<Finding> ApplyInline(List<Finding> findings, Workspace workspace, Settings settings, List<SuppressedFinding> suppressed)
    {
        var comments = workspace.Documents.ToDictionary(d => d.Text.Path, d => InlineSuppressions.Parse(d.Text), StringComparer.Ordinal);
        var used = new HashSet<(SuppressionComment, string)>();
        var kept = new List<Finding>();
        foreach (var finding in findings)
        {
            var match = comments.GetValueOrDefault(finding.Span.File)?
                .FirstOrDefault(c => (c.FileLevel || c.TargetLine == finding.Span.Line) && c.RuleIds.Contains(finding.RuleId));
            if (match is null)
            {
                kept.Add(finding);
                continue;
            }

            used.Add((match, finding.RuleId));
            suppressed.Add(new SuppressedFinding(finding, SuppressionKind.Inline, match.Reason));
        }

        foreach (var comment in comments.Values.SelectMany(c => c))
        {
            // A warning, not PG134's notice: a misspelt comment suppresses nothing today and never will.
            if (!settings.IsOff(UnusedSuppression.Rule.Id))
            {
                kept.AddRange(comment.Problems.Select(p => new Finding(UnusedSuppression.Rule, Severity.Warning, $"{p} (this ignore comment suppresses nothing)", comment.Span)));
            }

            var stale = comment.RuleIds.Where(id => !used.Contains((comment, id)) && !settings.IsOff(id)).ToList();
            if (stale.Count > 0 && !settings.IsOff(UnusedSuppression.Rule.Id))
            {
                kept.Add(UnusedSuppression.For(comment.Span, string.Join(", ", stale)));
            }
        }

        return kept;
    }

    private static List<Finding> ApplyBaseline(List<Finding> findings, Workspace workspace, Baseline baseline, List<SuppressedFinding> suppressed)
    {
        // A multiset: each baseline entry absorbs one finding with the same rule, file and fingerprint.
        var remaining = baseline.Entries.GroupBy(e => (e.RuleId, e.File, e.Fingerprint)).ToDictionary(g => g.Key, g => g.Count());
        var fingerprints = Fingerprint.OfAll(findings, workspace.Source);
        var kept = new List<Finding>();
        for (var i = 0; i < findings.Count; i++)
        {
            var key = (findings[i].RuleId, findings[i].Span.File, fingerprints[i]);
            if (remaining.TryGetValue(key, out var n) && n > 0)
            {
                remaining[key] = n - 1;
                suppressed.Add(new SuppressedFinding(findings[i], SuppressionKind.Baseline, "in the baseline"));
            }
            else
            {
                kept.Add(findings[i]);
            }
        }

        return kept;
    }
}

using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>PG327: conda/exceptions.py's <c>InvalidMatchSpec: Invalid spec 'numpy=>1.19': …</c> and <c>InvalidVersionSpec: Invalid version '1.19=': …</c>.</summary>
internal sealed class CondaInvalidSpec : LogRule
{
    public static readonly RuleInfo Rule = new("PG327", "conda-invalid-spec", Severity.Error,
        "conda rejected a package spec or version as invalid (InvalidMatchSpec, InvalidVersionSpec).");

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } = [new(Families.Conda, 10, ["InvalidMatchSpec", "InvalidVersionSpec"], InvalidSpec)];

    /// <summary>
    /// The conda dependencies whose text is the spec conda rejected (InvalidMatchSpec), or whose version part holds the version it
    /// rejected (InvalidVersionSpec quotes only the version: 'numpy=1.19=' gives '1.19=').
    /// </summary>
    public override void Link(LogSignal signal, SpecLinks links)
    {
        if (signal.RequirementText is not { Length: > 0 } invalid)
        {
            return;
        }

        var version = signal.Line.Text.Contains("InvalidVersionSpec", StringComparison.Ordinal);
        foreach (var dependency in links.Workspace.Environments.SelectMany(e => e.Conda?.Dependencies ?? []).Distinct())
        {
            var text = dependency.Text.Value.Trim();
            var name = LogText.CondaName(text) ?? string.Empty;
            if (text == invalid.Trim() || (version && text.Length > name.Length && text[name.Length..].Contains(invalid.Trim(), StringComparison.Ordinal)))
            {
                links.Add(dependency.ValueSpan, $"'{text}' is written here");
            }
        }
    }

    private static bool InvalidSpec(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "InvalidMatchSpec") && !Has(text, "InvalidVersionSpec"))
        {
            return false;
        }

        var version = Has(text, "InvalidVersionSpec");
        var quoted = LogText.Quoted(text, text.IndexOf(version ? "Invalid version" : "Invalid spec", StringComparison.Ordinal));
        // Search for the closing quote from where the quoted text ends (it may be empty, or not found as written).
        var at = quoted is null ? -1 : text.IndexOf(quoted, StringComparison.Ordinal);
        var closing = at < 0 ? -1 : text.IndexOf("': ", Math.Max(0, at + quoted!.Length - 1), StringComparison.Ordinal);
        var details = closing < 0 ? null : text[(closing + 3)..].Trim();
        var what = version ? $"the version '{quoted}'" : $"the spec '{quoted}'";
        context.Emit(new LogSignal(Rule, LogKinds.CondaInvalidSpec, Strength.Decisive, line,
            $"conda rejected {what} as invalid{(details is { Length: > 0 } ? $" ({LogText.Clip(details, 80)})" : string.Empty)}: a conda dependency is not a valid MatchSpec. " +
            "Write 'name', 'name=1.2', 'name>=1.2,<2' or 'name=1.2.*' (one '=' pins a version prefix, '==' an exact version; no '=>' or '=<', no trailing '='), " +
            "and put pip-only packages in the pip: list.")
            with { RequirementText = quoted });
        return true;
    }
}

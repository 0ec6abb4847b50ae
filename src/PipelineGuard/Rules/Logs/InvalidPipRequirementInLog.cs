using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG314: pip rejected a requirement (req/req_file.py, req/constructors.py: <c>Invalid requirement: 'numpy=1.19'</c>,
/// <c>InvalidRequirement</c>) or an option (<c>no such option</c>); and a requirement whose operator has no version, which
/// pip reports as a version it cannot find (PG303 hands those here). The message gives the mechanical fix when there is one.
/// </summary>
internal sealed class InvalidPipRequirementInLog : LogRule
{
    public static readonly RuleInfo Rule = new("PG314", "invalid-pip-requirement-in-log", Severity.Error,
        "pip rejected a requirement or option as invalid.");

    private static readonly string[] Markers =
        ["python_version", "python_full_version", "sys_platform", "platform_system", "platform_machine", "os_name", "implementation_name"];

    public override RuleInfo Info => Rule;

    public override LogTraits Traits => LogTraits.NamesFailingPackage;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Pip, 140, ["Invalid requirement", "InvalidRequirement", "no such option"], InvalidRequirement)
        {
            ReachedThroughTheirLine = ["Invalid requirement", "InvalidRequirement", "no such option"],
        },
    ];

    /// <summary>The entries written exactly as the requirement pip rejected: more specific than the declaration of its package.</summary>
    public override void LinkWritten(LogSignal signal, SpecLinks links)
    {
        if (signal.RequirementText is not { } text)
        {
            return;
        }

        foreach (var document in links.Documents())
        {
            foreach (var entry in document.Entries.Where(e => e.Line.Text.Trim() == text.Trim()))
            {
                links.Add(entry.Span, $"'{text}' is written here");
            }
        }
    }

    /// <summary>PG303's not-found of a requirement that ends in an operator (<c>numpy==</c>): the requirement is what is wrong.</summary>
    public static LogSignal OperatorWithoutVersion(LogSignal notFound, string requirement, string? name) =>
        notFound with
        {
            Rule = Rule,
            Kind = LogKinds.RequirementsSyntax,
            Message = $"'{requirement}' is not a usable requirement: its operator has no version after it, so pip looks for a version that does not exist. " +
                      $"Write a version after the operator (e.g. '{name}==1.2.3') or drop the operator.",
        };

    /// <summary>Why pip rejects a requirement and the mechanical fix when there is one (conda's single '=', a marker without ';').</summary>
    internal static (string Reason, string? Fix) RequirementFix(string requirement)
    {
        if (requirement.StartsWith('-'))
        {
            return ($"'{requirement}' is not an option pip knows (a misspelt option, or one that a requirements file does not accept).", null);
        }

        var markerAt = -1;
        foreach (var marker in Markers)
        {
            var i = requirement.IndexOf(marker, StringComparison.Ordinal);
            if (i > 0 && (markerAt < 0 || i < markerAt))
            {
                markerAt = i;
            }
        }

        if (markerAt > 0 && !requirement.Contains(';', StringComparison.Ordinal))
        {
            var head = requirement[..markerAt].Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
            return ("an environment marker must follow a ';' (PEP 508).", $"{head}; {requirement[markerAt..].Trim()}");
        }

        var eq = requirement.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0 && requirement[eq - 1] is not ('=' or '<' or '>' or '!' or '~') && (eq + 1 >= requirement.Length || requirement[eq + 1] != '='))
        {
            return ("'=' is not a PEP 440 operator (a single '=' is conda's pin syntax); pip needs '=='.", requirement[..eq] + "==" + requirement[(eq + 1)..]);
        }

        return ("it is not a valid PEP 508 requirement (name, optional [extras], version specifiers, then '; marker').", null);
    }

    private static bool InvalidRequirement(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "Invalid requirement") && !Has(text, "no such option") && !Has(text, "InvalidRequirement"))
        {
            return false;
        }

        if (Starts(line.Trimmed, "Hint:") && context.Store.Last(Rule, line.Segment) is not null)
        {
            return true;
        }

        string requirement;
        if (Has(text, "no such option"))
        {
            requirement = (LogText.After(text, "no such option:") ?? LogText.After(text, "no such option") ?? string.Empty).Trim();
        }
        else
        {
            var rest = (LogText.After(text, "Invalid requirement:") ?? LogText.After(text, "InvalidRequirement:") ?? text).TrimStart();
            requirement = rest.Length > 0 && rest[0] is '\'' or '"' ? LogText.Quoted(rest) ?? rest : LogText.Until(rest, " (from line", ": ").Trim();
        }

        var reference = PipReference.Parse(text);
        var (reason, fix) = RequirementFix(requirement);
        context.Emit(new LogSignal(Rule, LogKinds.RequirementsSyntax, Strength.Decisive, line,
            $"pip rejected '{requirement}': {reason}{(fix is null ? string.Empty : $" Write '{fix}'.")}")
            with
            {
                Package = LogText.RequirementName(requirement),
                RequirementText = requirement,
                RequirementsFile = reference.File,
                RequirementsLine = reference.Line,
                Fix = fix,
            });
        return true;
    }
}

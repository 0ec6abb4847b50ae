using System.Globalization;
using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG303: pip found no distribution of a requirement (index/package_finder.py: <c>Could not find a version that satisfies
/// the requirement</c>, <c>No matching distribution found for</c>). With <c>(from versions: a, b)</c> it is a version that
/// does not exist; a requirement whose operator has no version is PG314's. pip -v's <c>Skipping link: none of the wheel's
/// tags …</c> only explains a later not-found (hidden).
/// </summary>
internal sealed class PipPackageNotFound : LogRule
{
    public static readonly RuleInfo Rule = new("PG303", "pip-package-not-found", Severity.Error,
        "pip found no distribution of a requirement on the index.");

    private const string NotFoundAdvice =
        "At normal verbosity pip prints these same lines when the package does not exist on the index, when it has no file " +
        "for this Python version and platform, when the index refused the request (HTTP 401/403, e.g. a private feed without " +
        "credentials) and when the index URL is wrong (404). Check the name and the versions on the index; if they are " +
        "right, run 'pip install -vv {0}' to see the HTTP status of the project page and why files were skipped.";

    public override RuleInfo Info => Rule;

    public override LogTraits Traits => LogTraits.NamesFailingPackage;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Pip, 10, ["Could not find a version that satisfies"], NoVersion),
        new(Families.Pip, 20, ["No matching distribution found"], NoDistribution),
        new(Families.Pip, 50, ["Skipping link: none of the wheel"], SkippedLink)
        {
            LineStarts = ["Skipping link"],
            ReachedThroughTheirLine = ["Skipping link: none of the wheel"],
        },
    ];

    public override bool IsLookupFailure(LogSignal signal) => signal.Kind == LogKinds.PackageNotFound;

    private static bool NoVersion(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "Could not find a version that satisfies the requirement"))
        {
            return false;
        }

        // The line may end right after "requirement" (a cut log): nothing named, still the same failure.
        NotFound(line, context, LogText.After(text, "satisfies the requirement ") ?? string.Empty, withVersions: true);
        return true;
    }

    private static bool NoDistribution(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "No matching distribution found for "))
        {
            return false;
        }

        NotFound(line, context, LogText.After(line.Text, "No matching distribution found for ")!, withVersions: false);
        return true;
    }

    private static bool SkippedLink(LogLine line, LogContext context)
    {
        if (!Starts(line.Trimmed, "Skipping link: none of the wheel's tags"))
        {
            return false;
        }

        var text = line.Text;
        var tags = LogText.Until(LogText.After(text, "tags (") ?? string.Empty, ")");
        context.Emit(new LogSignal(Rule, LogKinds.NoCompatibleDistribution, Strength.Hidden, line,
            $"the index has files of the package, but none for this Python version and platform (wheel tags such as {tags})")
            with { Package = LogText.ProjectOfUrl(LogText.Url(text)) });
        return true;
    }

    private static void NotFound(LogLine line, LogContext context, string rest, bool withVersions)
    {
        var requirement = LogText.Until(rest, " (from ").Trim();
        var name = LogText.RequirementName(requirement);
        var reference = PipReference.Parse(rest);
        if (!withVersions && context.Store.Last(Rule, line.Segment, s => SameName(s.Package, name)) is not null)
        {
            return;
        }

        if (!withVersions && context.Store.Last(InvalidPipRequirementInLog.Rule, line.Segment, s => SameName(s.Package, name)) is not null)
        {
            return;
        }

        var signal = new LogSignal(Rule, LogKinds.PackageNotFound, Strength.Decisive, line, string.Empty) with
        {
            Package = name,
            RequirementText = requirement,
            RequirementsFile = reference.File,
            RequirementsLine = reference.Line,
            FromPackage = reference.FromPackage,
        };

        if (requirement.Length > 0 && requirement[^1] is '=' or '<' or '>' or '~' or '!')
        {
            context.Emit(InvalidPipRequirementInLog.OperatorWithoutVersion(signal, requirement, name));
            return;
        }

        var versions = withVersions ? LogText.After(rest, "(from versions:") : null;
        var list = versions is null ? [] : LogText.Until(versions, ")").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(v => v != "none").ToList();
        var where = context.IndexUrls is null ? "the index (PyPI unless pip.conf says otherwise)" : $"the index {context.IndexUrls}";
        var nested = reference.FromPackage is { } from ? $" It is required by '{from}', not named in the spec directly: pin a release of '{from}' whose requirements exist, or add a version of '{name}' that exists." : string.Empty;
        if (list.Count > 0)
        {
            context.Emit(signal with
            {
                Kind = LogKinds.VersionNotFound,
                Message = $"no version of '{name}' on {where} satisfies '{requirement}': the index has {LogText.Shorten(list)}. " +
                          $"Pin a version that exists (the newest listed is {list[^1]}), or check that the index serves the version you need.{nested}",
            });
            return;
        }

        context.Emit(signal with
        {
            Message = $"pip found no distribution of '{requirement}' on {where} (from versions: none). " + string.Format(CultureInfo.InvariantCulture, NotFoundAdvice, requirement) + nested,
        });
    }
}

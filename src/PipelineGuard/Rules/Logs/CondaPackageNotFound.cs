using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG302: conda found no package for a spec. The classic solver lists them after <c>ResolvePackageNotFound:</c> or
/// <c>PackagesNotFoundError</c>; libmamba says <c>nothing provides requested X</c> or <c>X does not exist (perhaps …)</c>
/// (its problem list and tree are read by PG312, which reports their missing packages here); a channel that does not
/// exist answers <c>CondaHTTPError: HTTP 404</c>.
/// </summary>
internal sealed class CondaPackageNotFound : LogRule
{
    public static readonly RuleInfo Rule = new("PG302", "conda-package-not-found", Severity.Error,
        "conda found no package matching a spec in the listed channels.");

    private const string Advice =
        "the name is misspelt, the package is not on the spec's channels, or the spec carries a build string or a package of another platform " +
        "(conda env export writes libcxx, llvm-openmp, vc, … on macOS/Windows). Check the name on anaconda.org, add the channel that has it, " +
        "and drop build strings and platform-only packages.";

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Conda, 40, ["ResolvePackageNotFound", "PackagesNotFoundError"], NotFoundList),
        new(Families.Conda, 70, ["nothing provides", "does not exist (perhaps"], NothingProvides)
        {
            ReachedThroughTheirLine = ["nothing provides", "does not exist (perhaps"],
        },
        new(Families.Conda, 111, ["CondaHTTPError"], ChannelNotFound),
    ];

    public override bool IsLookupFailure(LogSignal signal) => signal.Kind == LogKinds.CondaPackageNotFound;

    public override bool NamesCondaPackages(LogSignal signal) => true;

    /// <summary>The signal for one missing spec (<paramref name="spec"/> null: the list named none), in <paramref name="group"/> with the others of its list.</summary>
    public static LogSignal Signal(LogLine line, string? name, string? spec, int group) =>
        new LogSignal(Rule, LogKinds.CondaPackageNotFound, Strength.Decisive, line,
            (spec is null ? "conda found no package for some specs in the listed channels: " : $"conda found no package '{spec}' in the spec's channels: ") + Advice)
            with { Package = name, RequirementText = spec, Group = group };

    /// <summary>The package of a libmamba tree line: <c>└─ nonexistent-package does not exist</c> → <c>nonexistent-package</c>.</summary>
    public static string? TreeName(string text)
    {
        var s = text.Trim().TrimStart('├', '└', '│', '─', ' ');
        return LogText.CondaName(s.Split(' ', 2)[0]);
    }

    /// <summary>The header of the classic solver's list: the <c>- spec</c> lines that follow are the missing packages.</summary>
    private static bool NotFoundList(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "ResolvePackageNotFound") && !Has(line.Text, "PackagesNotFoundError"))
        {
            return false;
        }

        var group = context.Store.NewGroup();
        var found = 0;
        context.StartCapture(next =>
        {
            var t = next.Trimmed;
            if (t.Length == 0)
            {
                return found == 0;
            }

            if (!Starts(t, "- "))
            {
                return false;
            }

            var spec = t[2..].Trim();
            context.Emit(Signal(next, LogText.CondaName(spec), spec, group));
            found++;
            return true;
        }, () =>
        {
            if (found == 0)
            {
                context.Emit(Signal(line, null, null, group));
            }
        });
        return true;
    }

    private static bool NothingProvides(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "nothing provides requested ") && !Has(text, "does not exist (perhaps"))
        {
            return false;
        }

        var name = Has(text, "nothing provides requested ")
            ? LogText.CondaName(LogText.After(text, "nothing provides requested ")!)
            : TreeName(LogText.Until(text, " does not exist"));
        context.Emit(Signal(line, name, LogText.After(text, "requested ")?.Trim() ?? name, context.Store.NewGroup()));
        return true;
    }

    /// <summary>"CondaHTTPError: HTTP 404 NOT FOUND for url &lt;https://conda.anaconda.org/conda-forgee/linux-64/repodata.json&gt;": the channel does not exist.</summary>
    private static bool ChannelNotFound(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "CondaHTTPError") || LogText.IntegerAfter(text, "HTTP ") != 404)
        {
            return false;
        }

        var url = LogText.Url(text);
        var channel = Channel(url);
        context.Emit(new LogSignal(Rule, LogKinds.CondaChannelNotFound, Strength.Decisive, line,
            $"the conda channel {channel ?? url} does not exist (HTTP 404 for {url}): the channel name or URL in the spec is wrong. Fix the channel (e.g. 'conda-forge', 'pytorch').")
            with { RequirementText = channel });
        return true;
    }

    /// <summary>The channel part of a repodata URL: <c>https://conda.anaconda.org/conda-forgee/linux-64/repodata.json</c> → <c>conda-forgee</c>.</summary>
    private static string? Channel(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var host = LogText.Host(url);
        var path = LogText.After(url, host ?? "\u0000") ?? string.Empty;
        path = path.TrimStart(':', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        foreach (var platform in (ReadOnlySpan<string>)["/linux-64", "/noarch", "/osx-64", "/osx-arm64", "/win-64", "/linux-aarch64"])
        {
            var i = path.IndexOf(platform, StringComparison.Ordinal);
            if (i > 0)
            {
                return path[..i].Trim('/');
            }
        }

        return path.Trim('/');
    }
}

using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG328: conda/core/link.py: "ERROR conda.core.link:_execute(502): An error occurred while installing package
/// 'conda-forge::astor-0.7.1-py_0'." then "Rolling back transaction" / "Attempting to roll back." and, before or after those, the
/// reason (<c>FileNotFoundError(2, …)</c>, <c>[Errno 13] Permission denied</c>, <c>LinkError: post-link script failed</c>). The
/// reason is captured; a full disk there is reported as PG326 instead.
/// </summary>
internal sealed class CondaLinkFailed : LogRule
{
    public static readonly RuleInfo Rule = new("PG328", "conda-link-failed", Severity.Error,
        "conda downloaded a package but failed to install (link) it into the environment and rolled back.");

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Conda, 20, ["An error occurred while installing package", "conda.core.link:_execute", "LinkError:"], LinkFailed)
        {
            ReachedThroughTheirLine = ["conda.core.link:_execute"],
        },
    ];

    public override bool NamesCondaPackages(LogSignal signal) => true;

    private static bool LinkFailed(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "An error occurred while installing package") && !Has(text, "conda.core.link:_execute") && !Has(text, "LinkError:"))
        {
            return false;
        }

        if (!Has(text, "An error occurred while installing package") && !Has(text, "LinkError:"))
        {
            // Another message of the link step (the rollback's own errors): the failure it belongs to is reported once.
            if (context.Store.Last(Rule, line.Segment) is null && !context.Capturing)
            {
                context.Emit(Signal(line, null, null, null));
            }

            return true;
        }

        var dist = Has(text, "LinkError:")
            ? LogText.After(text, "for package ")?.Trim().TrimEnd('.', ' ')
            : LogText.Quoted(text, text.IndexOf("installing package", StringComparison.Ordinal));
        var name = DistName(dist);
        if (Has(text, "LinkError:"))
        {
            if (context.Store.Last(Rule, line.Segment) is null)
            {
                context.Emit(Signal(line, dist, name, LogText.After(text, "LinkError:")?.Trim()));
            }

            return true;
        }

        string? reason = null;
        var diskFull = false;
        context.StartCapture(next =>
        {
            var t = next.Trimmed;
            if (t.Length == 0 || t == "()" || Starts(t, "Rolling back transaction") || Starts(t, "Attempting to roll back"))
            {
                return true;
            }

            if (reason is not null || Has(t, "returned a non-zero code") || Has(t, "did not complete successfully") || Starts(t, "Step ") ||
                Has(t, "An error occurred while installing package"))
            {
                return false;
            }

            reason = t;
            if (DiskFull.Says(t))
            {
                diskFull = true;
                context.Emit(DiskFull.Signal(next, context, name));
            }

            return true;
        }, () =>
        {
            if (!diskFull)
            {
                context.Emit(Signal(line, dist, name, reason));
            }
        }, lines: 8);
        return true;
    }

    private static LogSignal Signal(LogLine line, string? dist, string? name, string? reason) =>
        new LogSignal(Rule, LogKinds.CondaLinkFailed, Strength.Decisive, line,
            $"conda downloaded {(dist is null ? "a package" : $"'{dist}'")} but could not install it into the environment and rolled the transaction back" +
            (reason is null ? string.Empty : $" ({LogText.Clip(reason, 120)})") +
            ". This comes from the image, not the spec's syntax: a file conda expected is missing or in use, a post-link script failed, or the package cache is " +
            "damaged. Rebuild (a transient failure goes away), pin a build of the package that installs on this base image, and clean the cache in the same RUN " +
            "('conda clean -aqy'); a 'Permission denied' means the step ran as a user who does not own the conda folder.")
            with { Package = name, RequirementText = dist };

    /// <summary>The name of a conda distribution: <c>conda-forge::astor-0.7.1-py_0</c> → <c>astor</c>.</summary>
    private static string? DistName(string? dist)
    {
        if (dist is null)
        {
            return null;
        }

        var colons = dist.LastIndexOf("::", StringComparison.Ordinal);
        var s = colons >= 0 ? dist[(colons + 2)..] : dist;
        var parts = s.Split('-');
        return parts.Length >= 3 ? string.Join('-', parts[..^2]) : LogText.CondaName(s);
    }
}

using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG309: 401 Unauthorized from a container registry (<c>unauthorized: authentication required</c>, <c>no basic auth
/// credentials</c>) or a package index (pip's <c>Could not fetch URL …: 401</c>, <c>HTTP error 401</c>; conda's
/// <c>CondaHTTPError: HTTP 401</c>). A refusal while an image is pushed is PG323's.
/// </summary>
internal sealed class RegistryUnauthorized : LogRule
{
    public static readonly RuleInfo Rule = new("PG309", "registry-unauthorized", Severity.Error,
        "A container registry or package index answered 401 Unauthorized.");

    public override RuleInfo Info => Rule;

    public override LogTraits Traits => LogTraits.CanFailAlone | LogTraits.ExplainsLookupFailure;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Pip, 61, ["Could not fetch URL"], IndexPage),
        new(Families.Pip, 71, ["HTTP error"], Download),
        new(Families.Conda, 112, ["CondaHTTPError"], Channel),
        new(Families.Registry, 41, ["nauthorized", "UNAUTHORIZED", "authentication required", "no basic auth credentials", "denied:"], Registry)
        {
            ReachedThroughTheirLine = ["nauthorized", "UNAUTHORIZED"],
        },
    ];

    private static bool IndexPage(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Starts(line.Trimmed, "Could not fetch URL") || !(Has(text, ": 401 ") || Has(text, "Unauthorized")))
        {
            return false;
        }

        var url = LogText.Url(text);
        var host = LogText.Host(url);
        context.Emit(new LogSignal(Rule, LogKinds.RegistryUnauthorized, Strength.Context, line,
            $"the package index {host} answered 401 Unauthorized for {url}: it needs credentials that the build does not have. " +
            "Give the build the feed's credentials through an Azure ML workspace connection (PythonFeed, 'az ml connection create'), never in the spec.")
            with { Package = LogText.ProjectOfUrl(url), Host = host });
        return true;
    }

    private static bool Download(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "HTTP error ") || LogText.IntegerAfter(text, "HTTP error ") != 401)
        {
            return false;
        }

        var url = LogText.Url(text);
        var host = LogText.Host(url);
        var package = LogText.RequirementName(LogText.After(text, "install requirement ")) ?? LogText.ProjectOfUrl(url);
        context.Emit(new LogSignal(Rule, LogKinds.RegistryUnauthorized, Strength.Decisive, line,
            $"downloading '{package}' from {host} failed with HTTP 401 Unauthorized: the index lists the file but the build has no credentials for it. " +
            "Give the build the feed's credentials through an Azure ML workspace connection (PythonFeed), never in the spec.")
            with { Package = package, Host = host });
        return true;
    }

    private static bool Channel(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "CondaHTTPError") || LogText.IntegerAfter(text, "HTTP ") != 401)
        {
            return false;
        }

        var host = LogText.Host(LogText.Url(text));
        context.Emit(new LogSignal(Rule, LogKinds.RegistryUnauthorized, Strength.Decisive, line,
            $"the conda channel at {host} answered 401 Unauthorized: it needs credentials that the build does not have.") with { Host = host });
        return true;
    }

    private static bool Registry(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (RegistryLine.BelongsElsewhere(line) || RegistryLine.OtherDenial(line) || !RegistryLine.AuthRefused(text))
        {
            return false;
        }

        var registry = RegistryLine.Host(text) ?? LogText.RegistryOfRepository(text);
        context.Emit(new LogSignal(Rule, LogKinds.RegistryUnauthorized, Strength.Decisive, line,
            $"the registry {registry ?? "of the base image"} answered 401 Unauthorized: the build has no credentials for it. For a private registry, give the workspace access " +
            "(a workspace connection, or the registry's admin user or identity); check that the image path names the registry only once.")
            with { Host = registry });
        return true;
    }
}

using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG311: 403 Forbidden from workspace storage (<c>AuthorizationFailure</c>, <c>AuthenticationFailed</c>,
/// <c>AuthorizationPermissionMismatch</c>), a registry (<c>not authorized to perform</c>) or a package index (pip's
/// <c>Could not fetch URL …: 403</c>, <c>HTTP error 403</c>; conda's <c>CondaHTTPError: HTTP 403</c>).
/// </summary>
internal sealed class StorageForbidden : LogRule
{
    public static readonly RuleInfo Rule = new("PG311", "storage-forbidden", Severity.Error,
        "Workspace storage or a package index answered 403 Forbidden.");

    public override RuleInfo Info => Rule;

    public override LogTraits Traits => LogTraits.CanFailAlone | LogTraits.ExplainsLookupFailure;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Pip, 62, ["Could not fetch URL"], IndexPage),
        new(Families.Pip, 72, ["HTTP error"], Download),
        new(Families.Conda, 113, ["CondaHTTPError"], Channel),
        new(Families.Registry, 50,
            ["Forbidden", "FORBIDDEN", "not authorized to perform", "AuthenticationFailed", "AuthorizationFailure", "AuthorizationPermissionMismatch"], Forbidden)
        {
            ReachedThroughTheirLine = ["FORBIDDEN"],
        },
    ];

    private static bool IndexPage(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Starts(line.Trimmed, "Could not fetch URL") || !(Has(text, ": 403 ") || Has(text, "Forbidden")))
        {
            return false;
        }

        var url = LogText.Url(text);
        var host = LogText.Host(url);
        context.Emit(new LogSignal(Rule, LogKinds.Forbidden, Strength.Context, line,
            $"the package index {host} answered 403 Forbidden for {url}: the build's identity or network position is not allowed (permissions, a firewall, a private endpoint, an expired token). " +
            $"Check the feed's permissions and the network rules between the build compute and {host}.")
            with { Package = LogText.ProjectOfUrl(url), Host = host });
        return true;
    }

    private static bool Download(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "HTTP error ") || LogText.IntegerAfter(text, "HTTP error ") != 403)
        {
            return false;
        }

        var url = LogText.Url(text);
        var host = LogText.Host(url);
        var package = LogText.RequirementName(LogText.After(text, "install requirement ")) ?? LogText.ProjectOfUrl(url);
        context.Emit(new LogSignal(Rule, LogKinds.Forbidden, Strength.Decisive, line,
            $"downloading '{package}' from {host} failed with HTTP 403 Forbidden: the build's identity or network position may not read that file " +
            "(storage behind a virtual network, an expired SAS token, missing permissions). Check the storage or feed permissions and the network rules.")
            with { Package = package, Host = host });
        return true;
    }

    private static bool Channel(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "CondaHTTPError") || LogText.IntegerAfter(text, "HTTP ") != 403)
        {
            return false;
        }

        var host = LogText.Host(LogText.Url(text));
        context.Emit(new LogSignal(Rule, LogKinds.Forbidden, Strength.Decisive, line,
            $"the conda channel at {host} answered 403 Forbidden: the build's network position or identity is not allowed (a firewall, a private endpoint, a licence restriction).") with { Host = host });
        return true;
    }

    private static bool Forbidden(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (RegistryLine.BelongsElsewhere(line) || RegistryLine.OtherDenial(line) ||
            !(Has(text, "Forbidden") || Has(text, "FORBIDDEN") || Has(text, "not authorized to perform") || Has(text, "AuthenticationFailed") ||
              Has(text, "AuthorizationFailure") || Has(text, "AuthorizationPermissionMismatch")))
        {
            return false;
        }

        var host = RegistryLine.Host(text);
        var storage = host is not null && host.EndsWith(".blob.core.windows.net", StringComparison.OrdinalIgnoreCase) || Has(text, "Authorization") || Has(text, "AuthenticationFailed");
        context.Emit(new LogSignal(Rule, LogKinds.Forbidden, Strength.Decisive, line,
            storage
                ? $"the workspace storage{(host is null ? string.Empty : $" {host}")} refused the request (403): the storage account is behind a virtual network or firewall that the build compute is outside of, or a SAS token expired. Allow the build compute's network on the storage account, or regenerate the token."
                : $"{host ?? "a server"} answered 403 Forbidden: the build's identity or network position is not allowed. Check the permissions and the network rules between the build compute and {host ?? "it"}.")
            with { Host = host });
        return true;
    }
}

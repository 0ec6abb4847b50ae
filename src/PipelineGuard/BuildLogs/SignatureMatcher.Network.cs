using PipelineGuard.Rules.Logs;

namespace PipelineGuard.BuildLogs;

/// <summary>
/// Connection failures as urllib3/pip (<c>ReadTimeoutError</c>, <c>Connection broken</c>, <c>NewConnectionError</c>),
/// Node (<c>ECONNRESET</c>), Go/Docker (<c>i/o timeout</c>, <c>TLS handshake timeout</c>, <c>no such host</c>) and apt
/// (<c>Temporary failure resolving</c>) print them. A retry warning is context; a final error is decisive.
/// </summary>
internal sealed partial class SignatureMatcher
{
    private void MatchNetwork(LogLine line)
    {
        var text = line.Text;
        var trimmed = line.Trimmed;
        if (Starts(trimmed, "Could not fetch URL") || Has(text, "CondaHTTPError") || Starts(trimmed, "raise ") || Starts(trimmed, "File \"") ||
            Starts(trimmed, "except ") || Starts(trimmed, "During handling"))
        {
            return;
        }

        var retry = Starts(trimmed, "WARNING") || Starts(trimmed, "W:") || Starts(trimmed, "Err:") || Starts(trimmed, "Ign:") || Has(text, "Retrying (");
        var strength = retry ? Strength.Context : Strength.Decisive;
        var host = LogText.PoolHost(text) ?? DnsHost(text) ?? LogText.Host(LogText.Url(text));
        var lastWord = trimmed[(trimmed.LastIndexOf(' ') + 1)..];
        var package = lastWord.StartsWith('/') ? LogText.ProjectOfUrl(lastWord) : LogText.ProjectOfUrl(LogText.Url(text));
        var where = host is null ? "a server" : host;

        if (Has(text, "no such host"))
        {
            Emit(Signal(LogRules.RegistryUnreachable, LogKinds.HostNotResolved, strength, line,
                $"the build could not resolve the host name {where} (no such host): the name is misspelt, or the build compute's DNS cannot see it " +
                "(a private endpoint whose private DNS zone is not linked to the build's virtual network). Check the registry name and the DNS setup of the build compute.")
                with { Host = host, Package = package });
            return;
        }

        if (Has(text, "name resolution") || Has(text, "Name or service not known") || Has(text, "Temporary failure resolving") || Has(text, "Could not resolve host"))
        {
            Emit(Signal(LogRules.NetworkTimeout, LogKinds.HostNotResolved, strength, line,
                $"the build could not resolve the host name {where}: the build compute has no DNS or no outbound access to it (a virtual network without " +
                "internet access, a proxy that must be configured). Allow the build compute to reach it, or use a mirror inside the network." +
                (retry ? " pip retried after it (harmless when a later attempt succeeded)." : string.Empty))
                with { Host = host, Package = package });
            return;
        }

        var what = Has(text, "Read timed out") || Has(text, "ReadTimeoutError") ? "timed out while reading"
            : Has(text, "ConnectTimeoutError") || Has(text, "i/o timeout") || Has(text, "timed out") || Has(text, "handshake timeout") ? "timed out"
            : Has(text, "refused") ? "was refused"
            : Has(text, "reset") || Has(text, "ECONNRESET") ? "was reset"
            : Has(text, "CERTIFICATE_VERIFY_FAILED") ? "failed certificate verification (a TLS-intercepting proxy?)"
            : "broke";
        Emit(Signal(LogRules.NetworkTimeout, LogKinds.NetworkTimeout, strength, line,
            $"the connection to {where} {what}: the build compute's path to it is slow or blocked (proxy, firewall, private endpoint) or the server had a transient problem. " +
            (retry
                ? "pip retried after it (harmless when a later attempt succeeded). "
                : string.Empty) +
            "Raise pip's timeout and retries (PIP_DEFAULT_TIMEOUT=100 or --timeout 100 --retries 10) and check the network rules; a transient failure goes away on rebuild.")
            with { Host = host, Package = package });
    }

    /// <summary>The host of <c>dial tcp: lookup X on …</c>, <c>resolving 'X'</c>, <c>Could not resolve host: X</c>.</summary>
    private static string? DnsHost(string text)
    {
        var lookup = LogText.After(text, "lookup ");
        if (lookup is not null)
        {
            return LogText.Until(lookup, " ", ":").Trim();
        }

        var resolving = LogText.After(text, "resolving '");
        if (resolving is not null)
        {
            return LogText.Until(resolving, "'");
        }

        var host = LogText.After(text, "resolve host:");
        return host is null ? null : LogText.Until(host.Trim(), " ");
    }
}

using System.Globalization;
using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG301: the connection to an index or channel failed. urllib3/pip (<c>ReadTimeoutError</c>, <c>Connection broken</c>,
/// <c>NewConnectionError</c>), Node (<c>ECONNRESET</c>), Go/Docker (<c>i/o timeout</c>, <c>TLS handshake timeout</c>) and apt
/// (<c>Temporary failure resolving</c>) print them; a retry warning is context, a final error decisive. Also what is left of
/// pip's <c>Could not fetch URL</c> and <c>HTTP error</c> and of conda's <c>CondaHTTPError</c> once 401, 403 and 404 are
/// taken by PG309, PG311 and PG310/PG302.
/// </summary>
internal sealed class NetworkTimeout : LogRule
{
    public static readonly RuleInfo Rule = new("PG301", "network-timeout", Severity.Error,
        "The build lost its connection to a package index or channel (read timeout, connection reset or refused).");

    public override RuleInfo Info => Rule;

    public override LogTraits Traits => LogTraits.CanFailAlone | LogTraits.ExplainsLookupFailure;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Pip, 64, ["Could not fetch URL"], FetchFailed),
        new(Families.Pip, 74, ["HTTP error"], HttpError) { ReachedThroughTheirLine = ["Could not fetch URL", "HTTP error"] },
        new(Families.Conda, 114, ["CondaHTTPError"], CondaHttp),
        new(Families.Network, 20, ["name resolution", "Name or service not known", "Temporary failure resolving", "Could not resolve host"], HostNotResolved)
        {
            ReachedThroughTheirLine = ["name resolution", "Name or service not known"],
        },
        new(Families.Network, 30,
        [
            "timed out", "TimeoutError", "ECONNRESET", "onnection broken", "onnection refused", "onnection reset", "ConnectionResetError", "i/o timeout",
            "handshake timeout", "Max retries exceeded", "NewConnectionError", "IncompleteRead", "RemoteDisconnected", "CERTIFICATE_VERIFY_FAILED",
        ], ConnectionFailed)
        {
            ReachedThroughTheirLine = ["ECONNRESET", "Max retries exceeded", "IncompleteRead", "RemoteDisconnected"],
        },
    ];

    /// <summary>pip's "Could not fetch URL …: There was a problem confirming the ssl certificate / connection …" (not a 401, 403 or 404).</summary>
    private static bool FetchFailed(LogLine line, LogContext context)
    {
        if (!Starts(line.Trimmed, "Could not fetch URL"))
        {
            return false;
        }

        var text = line.Text;
        var url = LogText.Url(text);
        var host = LogText.Host(url);
        context.Emit(new LogSignal(Rule, LogKinds.NetworkTimeout, Strength.Context, line,
            $"pip could not fetch {url}: {LogText.Clip(LogText.After(text, url ?? string.Empty)?.TrimStart(':', ' ') ?? text, 140)}. Check the network path (proxy, firewall, private endpoint) to {host}.")
            with { Package = LogText.ProjectOfUrl(url), Host = host });
        return true;
    }

    /// <summary>pip's "HTTP error 502 while getting …" (a server or proxy error); conda's "An HTTP error occurred …" (no code) explains a CondaHTTPError line.</summary>
    private static bool HttpError(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "HTTP error "))
        {
            return false;
        }

        if (LogText.IntegerAfter(text, "HTTP error ") is not { } code)
        {
            return true;
        }

        var url = LogText.Url(text);
        var host = LogText.Host(url);
        var package = LogText.RequirementName(LogText.After(text, "install requirement ")) ?? LogText.ProjectOfUrl(url);
        context.Emit(new LogSignal(Rule, LogKinds.NetworkTimeout, Strength.Decisive, line,
            $"downloading '{package}' from {host} failed with HTTP {code}: a server or proxy error; retry, and check the proxy and the index.")
            with { Package = package, Host = host });
        return true;
    }

    /// <summary>conda's "CondaHTTPError: HTTP 000 CONNECTION FAILED for url …" (and any code PG302, PG309 and PG311 do not take).</summary>
    private static bool CondaHttp(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "CondaHTTPError"))
        {
            return false;
        }

        var code = LogText.IntegerAfter(text, "HTTP ");
        var url = LogText.Url(text);
        var host = LogText.Host(url);
        context.Emit(new LogSignal(Rule, LogKinds.NetworkTimeout, Strength.Decisive, line,
            $"conda could not download {url ?? "the channel index"} (HTTP {(code is null ? "error" : code.Value.ToString("000", CultureInfo.InvariantCulture))}): " +
            $"the connection to {host ?? "the channel"} failed or was cut. Check the proxy, firewall and private-endpoint rules of the build compute, then rebuild; a transient failure goes away on retry.")
            with { Host = host });
        return true;
    }

    private static bool HostNotResolved(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (NetworkLine.Quotes(line) ||
            !(Has(text, "name resolution") || Has(text, "Name or service not known") || Has(text, "Temporary failure resolving") || Has(text, "Could not resolve host")))
        {
            return false;
        }

        var network = NetworkLine.Of(line);
        context.Emit(new LogSignal(Rule, LogKinds.HostNotResolved, network.Strength, line,
            $"the build could not resolve the host name {network.Where}: the build compute has no DNS or no outbound access to it (a virtual network without " +
            "internet access, a proxy that must be configured). Allow the build compute to reach it, or use a mirror inside the network." +
            (network.Retry ? " pip retried after it (harmless when a later attempt succeeded)." : string.Empty))
            with { Host = network.Host, Package = network.Package });
        return true;
    }

    /// <summary>Every other line of the network family: a timeout, a refusal, a reset, a broken connection, a certificate failure.</summary>
    private static bool ConnectionFailed(LogLine line, LogContext context)
    {
        if (NetworkLine.Quotes(line))
        {
            return false;
        }

        var text = line.Text;
        var network = NetworkLine.Of(line);
        var what = Has(text, "Read timed out") || Has(text, "ReadTimeoutError") ? "timed out while reading"
            : Has(text, "ConnectTimeoutError") || Has(text, "i/o timeout") || Has(text, "timed out") || Has(text, "handshake timeout") ? "timed out"
            : Has(text, "refused") ? "was refused"
            : Has(text, "reset") || Has(text, "ECONNRESET") ? "was reset"
            : Has(text, "CERTIFICATE_VERIFY_FAILED") ? "failed certificate verification (a TLS-intercepting proxy?)"
            : "broke";
        context.Emit(new LogSignal(Rule, LogKinds.NetworkTimeout, network.Strength, line,
            $"the connection to {network.Where} {what}: the build compute's path to it is slow or blocked (proxy, firewall, private endpoint) or the server had a transient problem. " +
            (network.Retry
                ? "pip retried after it (harmless when a later attempt succeeded). "
                : string.Empty) +
            "Raise pip's timeout and retries (PIP_DEFAULT_TIMEOUT=100 or --timeout 100 --retries 10) and check the network rules; a transient failure goes away on rebuild.")
            with { Host = network.Host, Package = network.Package });
        return true;
    }
}

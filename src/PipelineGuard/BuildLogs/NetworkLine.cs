using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.BuildLogs;

/// <summary>
/// What the connection-failure signatures (urllib3/pip, Node, Go/Docker, apt) read off a line alike: whether it is a retry
/// (context) or a final error (decisive), the host and the project it names. Lines that only quote an error (a traceback's
/// <c>raise</c>, pip's <c>Could not fetch URL</c>, conda's <c>CondaHTTPError</c>) are left to the signatures of those.
/// </summary>
internal readonly record struct NetworkLine(bool Retry, string? Host, string? Package)
{
    public Strength Strength => Retry ? Strength.Context : Strength.Decisive;

    public string Where => Host is null ? "a server" : Host;

    /// <summary>True for a line that quotes a connection error rather than reporting one.</summary>
    public static bool Quotes(LogLine line)
    {
        var trimmed = line.Trimmed;
        return Starts(trimmed, "Could not fetch URL") || Has(line.Text, "CondaHTTPError") || Starts(trimmed, "raise ") || Starts(trimmed, "File \"") ||
               Starts(trimmed, "except ") || Starts(trimmed, "During handling");
    }

    public static NetworkLine Of(LogLine line)
    {
        var text = line.Text;
        var trimmed = line.Trimmed;
        var retry = Starts(trimmed, "WARNING") || Starts(trimmed, "W:") || Starts(trimmed, "Err:") || Starts(trimmed, "Ign:") || Has(text, "Retrying (");
        var host = LogText.PoolHost(text) ?? DnsHost(text) ?? LogText.Host(LogText.Url(text));
        var lastWord = trimmed[(trimmed.LastIndexOf(' ') + 1)..];
        var package = lastWord.StartsWith('/') ? LogText.ProjectOfUrl(lastWord) : LogText.ProjectOfUrl(LogText.Url(text));
        return new NetworkLine(retry, host, package);
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

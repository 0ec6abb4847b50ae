using System.Net;
using System.Net.Sockets;

namespace PipelineGuard.Versioning.Pep508;

/// <summary>
/// The URL check of packaging 21.3's <c>Requirement.__init__</c>, with the parts of CPython 3.11's
/// <c>urllib.parse.urlsplit</c> it depends on: a "file:" URL must survive urlparse/urlunparse unchanged,
/// any other URL needs a scheme and a network location; bracket and IPv6 errors that urlsplit raises count as invalid.
/// https://github.com/pypa/packaging/blob/21.3/packaging/requirements.py, https://github.com/python/cpython/blob/3.11/Lib/urllib/parse.py
/// </summary>
internal static class RequirementUrl
{
    private const string SchemeChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.";

    /// <summary>Null when packaging accepts <paramref name="url"/>, otherwise why not.</summary>
    public static string? Check(string url)
    {
        // urlsplit: strip leading C0 controls and spaces, drop tabs and newlines anywhere.
        var u = url.TrimStart(WhatwgC0OrSpace()).Replace("\t", string.Empty, StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
        var scheme = string.Empty;
        var colon = u.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && char.IsAsciiLetter(u[0]) && u.AsSpan(0, colon).IndexOfAnyExcept(SchemeChars) < 0)
        {
            scheme = u[..colon].ToLowerInvariant();
            u = u[(colon + 1)..];
        }

        var netloc = string.Empty;
        if (u.StartsWith("//", StringComparison.Ordinal))
        {
            var delim = u.IndexOfAny(['/', '?', '#'], 2);
            if (delim < 0)
            {
                delim = u.Length;
            }

            netloc = u[2..delim];
            u = u[delim..];
            var open = netloc.Contains('[', StringComparison.Ordinal);
            var close = netloc.Contains(']', StringComparison.Ordinal);
            if (open != close)
            {
                return "Invalid IPv6 URL";
            }

            if (open && !IsValidBracketedHost(netloc))
            {
                return "Invalid IPv6 address in URL";
            }
        }

        var fragment = string.Empty;
        var hash = u.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = u[(hash + 1)..];
            u = u[..hash];
        }

        var query = string.Empty;
        var question = u.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = u[(question + 1)..];
            u = u[..question];
        }

        if (!NetlocSurvivesNfkc(netloc))
        {
            return "netloc contains invalid characters under NFKC normalization";
        }

        if (scheme == "file")
        {
            // urlunparse(urlparse(url)) must give back the same text ("file" takes no ;params).
            var path = u;
            if (netloc.Length > 0 || !path.StartsWith("//", StringComparison.Ordinal))
            {
                if (path.Length > 0 && path[0] != '/')
                {
                    path = "/" + path;
                }

                path = "//" + netloc + path;
            }

            var rebuilt = scheme + ":" + path + (query.Length > 0 ? "?" + query : string.Empty) + (fragment.Length > 0 ? "#" + fragment : string.Empty);
            return rebuilt == url ? null : "Invalid URL given (a file: URL must be written as file:///path)";
        }

        return scheme.Length > 0 && netloc.Length > 0 ? null : $"Invalid URL: {url} (needs a scheme and a host, e.g. https://host/path)";
    }

    private static char[] WhatwgC0OrSpace()
    {
        var chars = new char[33];
        for (var i = 0; i < 32; i++)
        {
            chars[i] = (char)i;
        }

        chars[32] = ' ';
        return chars;
    }

    private static bool IsValidBracketedHost(string netloc)
    {
        var afterOpen = netloc[(netloc.IndexOf('[', StringComparison.Ordinal) + 1)..];
        var closeAt = afterOpen.IndexOf(']', StringComparison.Ordinal);
        var host = closeAt < 0 ? afterOpen : afterOpen[..closeAt];
        if (host.StartsWith('v'))
        {
            // \Av[a-fA-F0-9]+\..+\Z
            var dot = host.IndexOf('.', StringComparison.Ordinal);
            return dot > 1 && host.AsSpan(1, dot - 1).IndexOfAnyExcept("0123456789abcdefABCDEF") < 0 && dot + 1 < host.Length;
        }

        // ipaddress.ip_address: must be IPv6 (an IPv4 address in brackets is an error too).
        return host.Contains(':', StringComparison.Ordinal)
            && IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    private static bool NetlocSurvivesNfkc(string netloc)
    {
        if (netloc.Length == 0 || System.Text.Ascii.IsValid(netloc))
        {
            return true;
        }

        var n = netloc.Replace("@", string.Empty, StringComparison.Ordinal).Replace(":", string.Empty, StringComparison.Ordinal)
            .Replace("#", string.Empty, StringComparison.Ordinal).Replace("?", string.Empty, StringComparison.Ordinal);
        try
        {
            var normalized = n.Normalize(System.Text.NormalizationForm.FormKC);
            return normalized == n || normalized.IndexOfAny(['/', '?', '#', '@', ':']) < 0;
        }
        catch (PlatformNotSupportedException)
        {
            return true;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}

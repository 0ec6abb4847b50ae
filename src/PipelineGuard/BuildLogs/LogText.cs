namespace PipelineGuard.BuildLogs;

/// <summary>Small scanners for the pieces a log message names: quoted words, requirement names, URLs, hosts, exit codes.</summary>
internal static class LogText
{
    /// <summary>The text after the first <paramref name="marker"/>, or null.</summary>
    public static string? After(string text, string marker)
    {
        var i = text.IndexOf(marker, StringComparison.Ordinal);
        return i < 0 ? null : text[(i + marker.Length)..];
    }

    /// <summary><paramref name="text"/> up to the first of <paramref name="stops"/> (all of it when none occurs).</summary>
    public static string Until(string text, params ReadOnlySpan<string> stops)
    {
        var end = text.Length;
        foreach (var stop in stops)
        {
            var i = text.IndexOf(stop, StringComparison.Ordinal);
            if (i >= 0 && i < end)
            {
                end = i;
            }
        }

        return text[..end];
    }

    /// <summary>The first '…' or "…" quoted word at or after <paramref name="from"/>.</summary>
    public static string? Quoted(string text, int from = 0)
    {
        for (var i = Math.Max(0, from); i < text.Length; i++)
        {
            if (text[i] is '\'' or '"')
            {
                var close = text.IndexOf(text[i], i + 1);
                return close < 0 ? null : text[(i + 1)..close];
            }
        }

        return null;
    }

    /// <summary>The project name at the start of a requirement (PEP 508 name characters), e.g. <c>good-package</c> of <c>good-package==9.9</c>.</summary>
    public static string? RequirementName(string? requirement)
    {
        if (requirement is null)
        {
            return null;
        }

        var s = requirement.AsSpan().Trim();
        if (s.IsEmpty || !char.IsAsciiLetterOrDigit(s[0]))
        {
            return null;
        }

        var n = 0;
        while (n < s.Length && (char.IsAsciiLetterOrDigit(s[n]) || s[n] is '-' or '_' or '.'))
        {
            n++;
        }

        return n == 0 ? null : s[..n].TrimEnd('.').ToString();
    }

    /// <summary>A conda spec's name: <c>conda-forge::numpy=1.19</c> → <c>numpy</c>.</summary>
    public static string? CondaName(string spec)
    {
        var s = spec.Trim().Trim('"', '\'');
        var colons = s.LastIndexOf("::", StringComparison.Ordinal);
        if (colons >= 0)
        {
            s = s[(colons + 2)..];
        }

        var n = 0;
        while (n < s.Length && !(s[n] is '=' or '<' or '>' or '!' or '~' or ' ' or '[' or '*'))
        {
            n++;
        }

        return n == 0 ? null : s[..n];
    }

    /// <summary>The integer after <paramref name="marker"/> (<c>exit code: 137</c>, <c>non-zero code: 1</c>), or null.</summary>
    public static int? IntegerAfter(string text, string marker)
    {
        var i = text.LastIndexOf(marker, StringComparison.Ordinal);
        if (i < 0)
        {
            return null;
        }

        var s = text.AsSpan(i + marker.Length).TrimStart();
        var n = s.Length > 0 && s[0] == '-' ? 1 : 0;
        while (n < s.Length && n < 11 && char.IsAsciiDigit(s[n]))
        {
            n++;
        }

        return int.TryParse(s[..n], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The first http(s) URL in <paramref name="text"/>, ending at a blank, quote, bracket or comma.</summary>
    public static string? Url(string text)
    {
        var i = text.IndexOf("://", StringComparison.Ordinal);
        if (i < 0)
        {
            return null;
        }

        var start = i;
        while (start > 0 && char.IsAsciiLetter(text[start - 1]))
        {
            start--;
        }

        var end = i + 3;
        while (end < text.Length && !(char.IsWhiteSpace(text[end]) || text[end] is '\'' or '"' or '>' or '<' or ')' or ',' or ']'))
        {
            end++;
        }

        return text[start..end].TrimEnd(':', '.');
    }

    /// <summary>The host of a URL (<c>https://pypi.org/simple/x/</c> → <c>pypi.org</c>), without the port.</summary>
    public static string? Host(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var s = scheme < 0 ? url : url[(scheme + 3)..];
        var end = s.IndexOfAny(['/', ':', '?', '#']);
        var host = end < 0 ? s : s[..end];
        var at = host.LastIndexOf('@');
        return at < 0 ? host : host[(at + 1)..];
    }

    /// <summary>The project of a simple-index URL or path (<c>…/simple/mypackage/</c> → <c>mypackage</c>), or of a wheel or sdist file name.</summary>
    public static string? ProjectOfUrl(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var path = Until(url, "#", "?");
        var simple = path.LastIndexOf("/simple/", StringComparison.Ordinal);
        if (simple >= 0)
        {
            var rest = path[(simple + 8)..].Trim('/');
            return rest.Length == 0 || rest.Contains('/') ? null : rest;
        }

        var file = path[(path.LastIndexOf('/') + 1)..];
        if (file.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var dash = file.IndexOf('-');
            return dash <= 0 ? null : file[..dash].Replace('_', '-');
        }

        return null;
    }

    /// <summary>The value after <c>host='</c> in urllib3 messages (<c>HTTPSConnectionPool(host='files.pythonhosted.org', port=443)</c>).</summary>
    public static string? PoolHost(string text)
    {
        var after = After(text, "host='");
        return after is null ? null : Until(after, "'");
    }

    /// <summary>Whether the word <paramref name="word"/> occurs with no letter or digit right before or after it.</summary>
    public static bool HasWord(string text, string word)
    {
        var from = 0;
        while (true)
        {
            var i = text.IndexOf(word, from, StringComparison.Ordinal);
            if (i < 0)
            {
                return false;
            }

            var before = i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1]);
            var end = i + word.Length;
            var after = end == text.Length || !char.IsAsciiLetterOrDigit(text[end]);
            if (before && after)
            {
                return true;
            }

            from = i + 1;
        }
    }

    /// <summary>Shortens a list for a message: "a, b, c, … (12 in all)".</summary>
    public static string Shorten(IReadOnlyList<string> items, int keep = 6) =>
        items.Count <= keep ? string.Join(", ", items) : string.Join(", ", items.Take(keep - 1)) + $", … {items[^1]} ({items.Count} in all)";

    /// <summary>Clips a log excerpt for a message.</summary>
    public static string Clip(string text, int max = 160) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>The registry of <c>The push refers to repository [x.azurecr.io/azureml/…]</c>-like text.</summary>
    public static string? RegistryOfRepository(string text)
    {
        var i = text.IndexOf(".azurecr.io", StringComparison.Ordinal);
        if (i < 0)
        {
            return null;
        }

        var start = i;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '-'))
        {
            start--;
        }

        return text[start..(i + ".azurecr.io".Length)];
    }
}

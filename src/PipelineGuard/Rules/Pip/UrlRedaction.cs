namespace PipelineGuard.Rules.Pip;

/// <summary>
/// Hides the user information of a URL (<c>https://user:token@host/simple</c> → <c>https://***@host/simple</c>)
/// before it goes into a message: index URLs often carry a feed token, and findings end up in CI logs.
/// </summary>
internal static class UrlRedaction
{
    public static string Redact(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var authorityStart = scheme < 0 ? 0 : scheme + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        if (authorityEnd <= authorityStart)
        {
            return url;
        }

        // The last '@' of the authority ends the user information (a password may contain '@' unescaped).
        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        return at < authorityStart ? url : string.Concat(url.AsSpan(0, authorityStart), "***", url.AsSpan(at));
    }
}

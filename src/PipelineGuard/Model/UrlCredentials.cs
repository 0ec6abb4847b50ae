using System.Text;

namespace PipelineGuard.Model;

/// <summary>
/// The user information of URLs (<c>https://user:token@host/…</c>, <c>https://token@host/…</c>): where it is, and
/// text with it replaced by <c>***</c>. One place, used by the rules that report such URLs and by every reporter
/// that shows source text, so that a credential never reaches output.
/// </summary>
internal static class UrlCredentials
{
    public const string Mask = "***";

    /// <summary>
    /// The range of the user information (<c>user:password</c>, or a lone token) of the URL starting at
    /// <paramref name="start"/>, if any. All of it counts as secret: feeds put tokens in the user name too.
    /// </summary>
    public static (int Start, int Length)? SecretRange(string text, int start = 0)
    {
        var scheme = text.IndexOf("://", start, StringComparison.Ordinal);
        if (scheme < 0)
        {
            return null;
        }

        var hostStart = scheme + 3;
        var hostEnd = hostStart;
        while (hostEnd < text.Length && text[hostEnd] is not ('/' or '?' or '#' or ' ' or '\t' or '"' or '\''))
        {
            hostEnd++;
        }

        // The last '@' of the authority ends the user information (a password may contain '@' unescaped).
        var at = hostEnd > hostStart ? text.LastIndexOf('@', hostEnd - 1, hostEnd - hostStart) : -1;
        if (at < 0)
        {
            return null;
        }

        return at > hostStart ? (hostStart, at - hostStart) : null;
    }

    /// <summary>The URL with its user information replaced: <c>https://***@host/…</c>.</summary>
    public static string Redact(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0 || SecretRange(url) is not { } secret)
        {
            return url;
        }

        return string.Concat(url.AsSpan(0, scheme + 3), Mask, url.AsSpan(secret.Start + secret.Length));
    }

    /// <summary>Every URL credential in a line of text masked (for source snippets).</summary>
    public static string RedactAll(string line)
    {
        if (!line.Contains("://", StringComparison.Ordinal) || !line.Contains('@', StringComparison.Ordinal))
        {
            return line;
        }

        var sb = new StringBuilder(line.Length);
        var position = 0;
        while (position < line.Length)
        {
            var scheme = line.IndexOf("://", position, StringComparison.Ordinal);
            if (scheme < 0 || SecretRange(line, position) is not { } secret)
            {
                break;
            }

            sb.Append(line, position, secret.Start - position).Append(Mask);
            position = secret.Start + secret.Length;
        }

        return sb.Append(line, position, line.Length - position).ToString();
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PipelineGuard.Online.Cache;

/// <summary>
/// The on-disk cache of index answers, one JSON file per URL and <c>Accept</c> header under
/// <c>$XDG_CACHE_HOME/pipelineguard/online</c> (else <c>~/.cache/…</c>). It keeps what the server said and its
/// <c>ETag</c>/<c>Last-Modified</c>, never a request header: credentials are never written to disk, and a URL's
/// user information is taken out before it names a file. A broken or unreadable entry is a miss, never an error.
/// </summary>
internal sealed class ResponseCache(string directory)
{
    /// <summary>The cache folder from the environment: <c>XDG_CACHE_HOME</c>, else <c>HOME/.cache</c>; null when neither is set.</summary>
    public static string? DefaultDirectory(Func<string, string?> environment)
    {
        var root = environment("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : environment("HOME") is { Length: > 0 } home ? Path.Combine(home, ".cache")
            : environment("LOCALAPPDATA") is { Length: > 0 } local ? local
            : null;
        return root is null ? null : Path.Combine(root, "pipelineguard", "online");
    }

    public CachedAnswer? Read(string url, string accept)
    {
        try
        {
            var path = PathOf(url, accept);
            if (!File.Exists(path))
            {
                return null;
            }

            var entry = JsonSerializer.Deserialize(File.ReadAllText(path), CacheJson.Default.CachedAnswer);
            return entry?.Url == Key(url) ? entry : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public void Write(string url, string accept, CachedAnswer answer)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var path = PathOf(url, accept);
            var temporary = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(answer with { Url = Key(url) }, CacheJson.Default.CachedAnswer));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only home or a full disk costs the next run a request, nothing more.
        }
    }

    /// <summary>The URL without user information: the cache key, and the only form of the URL that is stored.</summary>
    private static string Key(string url) => Model.UrlCredentials.Redact(url).Replace("***@", string.Empty, StringComparison.Ordinal);

    private string PathOf(string url, string accept)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Key(url) + "\n" + accept));
        return Path.Combine(directory, Convert.ToHexStringLower(hash.AsSpan(0, 16)) + ".json");
    }
}

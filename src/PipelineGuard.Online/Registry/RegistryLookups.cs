using System.Net.Http.Headers;
using System.Text.Json;
using PipelineGuard.Online.Http;

namespace PipelineGuard.Online.Registry;

/// <summary>
/// Asks each registry <c>HEAD /v2/&lt;repository&gt;/manifests/&lt;tag or digest&gt;</c>, as <c>docker pull</c> does
/// first: anonymously, and on a 401 with a Bearer challenge again with an anonymous token from the challenge's realm
/// (Docker Hub's <c>auth.docker.io</c>; the token is used for that request only and never cached). 200: the image
/// exists; 404: it does not; anything else, or a registry that wants credentials, is not verified.
/// </summary>
internal static class RegistryLookups
{
    private const string ManifestTypes =
        "application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, " +
        "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json";

    public static async Task<Dictionary<string, bool>> Run(IReadOnlyList<ImageUse> uses, CachedFetcher fetcher, IndexTransport transport, UnverifiedHosts unverified, Action? done)
    {
        var distinct = uses.DistinctBy(u => u.Key).ToList();
        var results = await Task.WhenAll(distinct.Select(async use =>
        {
            var answer = await fetcher.SendAsync(use.ManifestUrl, ManifestTypes, HttpMethod.Head).ConfigureAwait(false);
            if (answer.Answered && answer.Status == 401 && TokenChallenge.TokenUrl(answer.Challenge, use.Repository) is { } tokenUrl &&
                await Token(tokenUrl, transport).ConfigureAwait(false) is { } token)
            {
                answer = await fetcher.SendAsync(use.ManifestUrl, ManifestTypes, HttpMethod.Head, new AuthenticationHeaderValue("Bearer", token)).ConfigureAwait(false);
            }

            done?.Invoke();
            if (answer.IsOk || answer.IsNotFound)
            {
                return (use.Key, Exists: (bool?)answer.IsOk);
            }

            var reason = answer.Failure ?? (answer.Status is 401 or 403 ? $"HTTP {answer.Status} (the registry wants credentials)" : $"HTTP {answer.Status}");
            unverified.Add(use.Registry, reason, "images", use.Image.Text);
            return (use.Key, Exists: null);
        })).ConfigureAwait(false);
        return results.Where(r => r.Exists is not null).ToDictionary(r => r.Key, r => r.Exists!.Value, StringComparer.Ordinal);
    }

    /// <summary>An anonymous pull token (<c>token</c> or <c>access_token</c>), or null.</summary>
    private static async Task<string?> Token(string url, IndexTransport transport)
    {
        var answer = await transport.SendAsync(new Uri(url), HttpMethod.Get, new Dictionary<string, string> { ["Accept"] = "application/json" }).ConfigureAwait(false);
        if (!answer.IsOk)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            foreach (var name in new[] { "token", "access_token" })
            {
                if (document.RootElement.TryGetProperty(name, out var token) && token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 } value)
                {
                    return value;
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}

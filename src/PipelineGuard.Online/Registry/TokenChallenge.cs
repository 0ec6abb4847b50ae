using System.Text.RegularExpressions;

namespace PipelineGuard.Online.Registry;

/// <summary>
/// A registry's <c>WWW-Authenticate: Bearer realm="…",service="…",scope="…"</c> challenge (the Docker token
/// authentication specification), turned into the URL of the anonymous token request.
/// </summary>
internal static partial class TokenChallenge
{
    public static string? TokenUrl(string? challenge, string repository)
    {
        if (challenge is null || !challenge.TrimStart().StartsWith("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parameters = Parameter().Matches(challenge).ToDictionary(m => m.Groups["name"].Value.ToLowerInvariant(), m => m.Groups["value"].Value, StringComparer.Ordinal);
        if (!parameters.TryGetValue("realm", out var realm) || !Uri.TryCreate(realm, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var query = new List<string>();
        if (parameters.TryGetValue("service", out var service))
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }

        query.Add("scope=" + Uri.EscapeDataString(parameters.GetValueOrDefault("scope") ?? $"repository:{repository}:pull"));
        return realm + (realm.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", query);
    }

    [GeneratedRegex(@"(?<name>\w+)=""(?<value>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}

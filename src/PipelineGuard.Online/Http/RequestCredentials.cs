using System.Net.Http.Headers;
using System.Text;

namespace PipelineGuard.Online.Http;

/// <summary>
/// The user information of an index URL (<c>https://user:token@pkgs.dev.azure.com/…</c>, as pip takes it), split off
/// the URL: requests go to the URL without it, with a Basic <c>Authorization</c> header sent to that host only.
/// </summary>
internal sealed record RequestCredentials(string Authority, AuthenticationHeaderValue Header)
{
    /// <summary>The URL without user information, and the credentials it carried (or null).</summary>
    public static (Uri Url, RequestCredentials? Credentials) Split(Uri url)
    {
        if (string.IsNullOrEmpty(url.UserInfo))
        {
            return (url, null);
        }

        var info = Uri.UnescapeDataString(url.UserInfo);
        var colon = info.IndexOf(':', StringComparison.Ordinal);
        // A lone token (https://TOKEN@host) is a user name with an empty password, as pip sends it.
        var pair = colon < 0 ? info + ":" : info;
        var header = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        var bare = new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri;
        return (bare, new RequestCredentials(url.Authority, header));
    }

    /// <summary>Credentials go only to the host and port they were given for: a redirect elsewhere drops them.</summary>
    public bool AppliesTo(Uri url) => string.Equals(url.Authority, Authority, StringComparison.OrdinalIgnoreCase);
}

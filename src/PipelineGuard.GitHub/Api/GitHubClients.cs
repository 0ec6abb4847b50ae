using Octokit;
using PipelineGuard.Reporting;

namespace PipelineGuard.GitHub.Api;

/// <summary>Builds the Octokit client for the settings. Tests give their own factory (a Moq client, or one aimed at a fake server).</summary>
internal static class GitHubClients
{
    /// <summary>Each request gives up after this long (then <see cref="ApiRetry"/> may try again).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Octokit appends <c>/api/v3/</c> to every base address that is not github.com (GitHub Enterprise Server's
    /// layout, where <c>GITHUB_API_URL</c> is already <c>https://HOST/api/v3</c>; see Octokit's GitHubClient.FixUpBaseUri).
    /// </summary>
    public static IGitHubClient Create(GitHubSettings settings)
    {
        OctokitNativeRoots.Keep();
        var client = new GitHubClient(new ProductHeaderValue("PipelineGuard", ToolInfo.Version), settings.ApiUrl);
        if (settings.Token is { Length: > 0 } token)
        {
            client.Credentials = new Credentials(token);
        }

        client.SetRequestTimeout(RequestTimeout);
        return client;
    }
}

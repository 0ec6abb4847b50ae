namespace PipelineGuard.AzureDevOps;

/// <summary>
/// Reads <see cref="AzureReposSettings"/> from the agent's variables. Never throws: when the build is not an Azure
/// Repos pull-request build, or has no token, it returns the reason, which the caller prints as one warning.
/// </summary>
internal static class AzureReposEnvironment
{
    public static (AzureReposSettings? Settings, string? Problem) Read(Func<string, string?> env)
    {
        string? Value(string name) => env(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var provider = Value("BUILD_REPOSITORY_PROVIDER");
        if (provider is not null && !provider.Equals("TfsGit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"the repository is on {provider}, not Azure Repos (BUILD_REPOSITORY_PROVIDER)");
        }

        if (!int.TryParse(Value("SYSTEM_PULLREQUEST_PULLREQUESTID"), out var pullRequest) || pullRequest <= 0)
        {
            return (null, "this is not a pull-request build (SYSTEM_PULLREQUEST_PULLREQUESTID is not set)");
        }

        var collectionText = Value("SYSTEM_COLLECTIONURI");
        if (collectionText is null || !Uri.TryCreate(collectionText.EndsWith('/') ? collectionText : collectionText + "/", UriKind.Absolute, out var collection)
            || (collection.Scheme != Uri.UriSchemeHttps && collection.Scheme != Uri.UriSchemeHttp))
        {
            return (null, "SYSTEM_COLLECTIONURI is not an http(s) URL");
        }

        var project = Value("SYSTEM_TEAMPROJECTID");
        var repository = Value("BUILD_REPOSITORY_ID");
        if (project is null || repository is null)
        {
            return (null, "SYSTEM_TEAMPROJECTID or BUILD_REPOSITORY_ID is not set");
        }

        if (Value("SYSTEM_ACCESSTOKEN") is not { } token)
        {
            return (null, "no access token: map it in the step with env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)");
        }

        var target = Value("SYSTEM_PULLREQUEST_TARGETBRANCH");
        const string heads = "refs/heads/";
        if (target is not null && target.StartsWith(heads, StringComparison.Ordinal))
        {
            target = target[heads.Length..];
        }

        var buildId = Value("BUILD_BUILDID");
        var settings = new AzureReposSettings(collection, project, repository, pullRequest, token)
        {
            SourcesDirectory = Value("BUILD_SOURCESDIRECTORY"),
            TargetBranch = target,
            BuildUrl = buildId is null ? null : $"{collection}{Uri.EscapeDataString(project)}/_build/results?buildId={Uri.EscapeDataString(buildId)}",
        };
        return (settings, null);
    }
}

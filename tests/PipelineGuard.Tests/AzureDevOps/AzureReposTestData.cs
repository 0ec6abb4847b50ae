using PipelineGuard.IO;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.AzureDevOps;

/// <summary>Repositories, variables and a git stand-in shared by the Azure Repos tests.</summary>
internal static class AzureReposTestData
{
    public const string Token = "azp-S3cretAccessT0ken-0123456789abcdef";

    /// <summary>Line 4's pip breaks Python 3.12 (PG135, an error with the one-line fix pip=26.0.1); line 6 is unpinned (PG106, a warning).</summary>
    public const string Environment = "channels: [conda-forge]\ndependencies:\n  - python=3.12.7\n  - pip=20.2.4\n  - pip:\n      - requests>=2.32\n";

    /// <summary>The same file with both problems gone.</summary>
    public const string FixedEnvironment = "channels: [conda-forge]\ndependencies:\n  - python=3.12.7\n  - pip=26.0.1\n  - pip:\n      - requests==2.32.3\n";

    public static InMemoryFileSystem Repo(string text = Environment) => Lint.Repo(("envs/conda.yml", text));

    /// <summary>The variables of an Azure Repos pull-request build, aimed at <paramref name="collectionUrl"/>.</summary>
    public static Dictionary<string, string> PullRequestBuild(string collectionUrl) => new()
    {
        ["TF_BUILD"] = "True",
        ["SYSTEM_COLLECTIONURI"] = collectionUrl,
        ["SYSTEM_TEAMPROJECTID"] = FakeAzureDevOpsServer.Project,
        ["BUILD_REPOSITORY_ID"] = FakeAzureDevOpsServer.Repository,
        ["BUILD_REPOSITORY_PROVIDER"] = "TfsGit",
        ["SYSTEM_PULLREQUEST_PULLREQUESTID"] = FakeAzureDevOpsServer.PullRequest.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SYSTEM_PULLREQUEST_TARGETBRANCH"] = "refs/heads/main",
        ["BUILD_SOURCESDIRECTORY"] = "/repo",
        ["BUILD_BUILDID"] = "42",
        ["SYSTEM_ACCESSTOKEN"] = Token,
    };

    /// <summary>The merge commit's diff: the PR changed line 4 of envs/conda.yml and nothing else.</summary>
    public const string LineFourChanged = "diff --git a/envs/conda.yml b/envs/conda.yml\n--- a/envs/conda.yml\n+++ b/envs/conda.yml\n@@ -4 +4 @@\n-  - pip=20.2.3\n+  - pip=20.2.4\n";
}

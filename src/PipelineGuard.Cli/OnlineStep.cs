using System.Runtime.CompilerServices;
using PipelineGuard.Configuration;
using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Online;
using PipelineGuard.Online.Cache;
using PipelineGuard.Online.Http;

namespace PipelineGuard.Cli;

/// <summary>
/// <c>check --online</c> / <c>--offline</c> (docs/online.md). Kept out of <see cref="CheckCommand"/> so that a plain
/// <c>check</c> never loads PipelineGuard.Online: the command refers to <see cref="Run"/> only inside a lambda that is
/// created when the online setting is on, and this method's body is compiled only when it runs.
/// </summary>
internal static class OnlineStep
{
    /// <summary>The online rules' findings for the engine to filter and report; each host that could not be asked adds one line to <paramref name="notices"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IReadOnlyList<Finding> Run(Workspace workspace, Settings settings, CliConsole console, Action<string, int, int> progress, List<string> notices)
    {
        var options = Options(settings, console.GetEnvironmentVariable);
        using var transport = new IndexTransport(options);
        var outcome = new OnlineVerifier(options, transport, console.Clock).Verify(workspace, settings.IsOff, progress);
        notices.AddRange(outcome.Notices.Select(UrlCredentials.RedactAll));
        return outcome.Findings;
    }

    /// <summary>
    /// The index: the configuration's when it names one, else <c>PIP_INDEX_URL</c> (what pip itself would use), else
    /// PyPI. An environment's own <c>--index-url</c> wins over all of them, per environment.
    /// </summary>
    internal static OnlineOptions Options(Settings settings, Func<string, string?> environment)
    {
        var configured = settings.IndexUrl != SettingKeys.Defaults[SettingKeys.OnlineIndexUrl];
        var index = configured ? settings.IndexUrl
            : environment("PIP_INDEX_URL") is { Length: > 0 } pip && Uri.TryCreate(pip.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? pip.Trim()
            : settings.IndexUrl;
        return new OnlineOptions
        {
            IndexUrl = index.TrimEnd('/'),
            CondaChannelAlias = settings.CondaChannelUrl.TrimEnd('/'),
            Timeout = settings.OnlineTimeout,
            Concurrency = settings.OnlineConcurrency,
            CacheTtl = settings.OnlineCacheTtl,
            CacheDirectory = ResponseCache.DefaultDirectory(environment),
            Offline = settings.OnlineOffline,
            Platform = settings.OnlinePlatform,
        };
    }
}

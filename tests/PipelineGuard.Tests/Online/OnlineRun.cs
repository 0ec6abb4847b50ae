using PipelineGuard.Engine;
using PipelineGuard.Environments;
using PipelineGuard.IO;
using PipelineGuard.Online;
using PipelineGuard.Online.Http;
using PipelineGuard.Reporting;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Online;

/// <summary>Runs the online step against fake servers: the verifier alone, or the whole engine with it as the extra-findings provider.</summary>
internal static class OnlineRun
{
    /// <summary>Options for a fake index at <paramref name="server"/>: short timeout, no cache unless given.</summary>
    public static OnlineOptions Options(FakeIndexServer server, string? cache = null) => new()
    {
        IndexUrl = server.BaseUrl + "/simple",
        CondaChannelAlias = server.BaseUrl + "/conda",
        CacheDirectory = cache,
        Timeout = TimeSpan.FromSeconds(5),
    };

    public static Workspace Workspace(params (string Path, string Content)[] files) => Lint.Run(Lint.Repo(files)).Workspace;

    /// <summary>The verifier's outcome; the waits a retry asked for are recorded, never slept.</summary>
    public static (OnlineOutcome Outcome, List<TimeSpan> Waits) Verify(Workspace workspace, OnlineOptions options, TimeProvider? clock = null)
    {
        var waits = new List<TimeSpan>();
        using var transport = new IndexTransport(options, delay: (wait, _) =>
        {
            lock (waits)
            {
                waits.Add(wait);
            }

            return Task.CompletedTask;
        });
        var outcome = new OnlineVerifier(options, transport, clock).Verify(workspace, _ => false);
        return (outcome, waits);
    }

    public static IReadOnlyList<PipelineGuard.Model.Finding> Findings(FakeIndexServer server, params (string Path, string Content)[] files) =>
        Verify(Workspace(files), Options(server)).Outcome.Findings;

    /// <summary>The whole engine with the online step as its extra-findings provider: suppressions, baseline and severities apply.</summary>
    public static CheckResult Check(IFileSystem fs, OnlineOptions options, PipelineGuard.Configuration.Settings? settings = null)
    {
        var s = settings ?? PipelineGuard.Configuration.Settings.Default;
        using var transport = new IndexTransport(options, delay: (_, _) => Task.CompletedTask);
        return new Checker(fs, FixedClock.SessionDay).Run(new CheckOptions([]) { Settings = s, ExtraFindings = w => new OnlineVerifier(options, transport).Verify(w, s.IsOff).Findings });
    }
}

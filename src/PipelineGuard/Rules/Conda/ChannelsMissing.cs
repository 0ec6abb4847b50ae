using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Conda;

/// <summary>
/// PG125: a conda spec has no <c>channels</c>. conda then uses the build machine's default channels, which may
/// change (and Anaconda's defaults have licence terms). Guide: "Missing conda channels" (D27).
/// </summary>
internal sealed class ChannelsMissing : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG125", "channels-missing", Severity.Warning,
        "A conda spec has no channels.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Conda is { } conda && conda.Channels is not { Count: > 0 } && conda.Dependencies.Count > 0 &&
            environment.UserManagedDependencies?.Value != true)
        {
            yield return Report(conda.ChannelsKey ?? conda.DependenciesKey,
                "the spec lists no channels, so conda uses whatever default channels the build machine has, and they may " +
                "change. Name them, e.g. 'channels: [conda-forge]'.");
        }
    }
}

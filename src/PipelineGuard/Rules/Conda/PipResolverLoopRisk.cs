using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Rules.Conda;

/// <summary>
/// PG103: conda-forge is the highest-priority channel, the spec has pip packages, and the pip spec admits
/// a pip of 20.3 or later. pip's 2020 resolver, as shipped by conda-forge, can backtrack without end on
/// Azure ML's pip lists: the build hangs until it times out. Guide (2020 edition): "pip resolver infinite
/// loop with conda-forge at highest priority; pin pip&lt;20.3".
/// </summary>
internal sealed class PipResolverLoopRisk : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG103", "pip-resolver-loop-risk", Severity.Error,
        "conda-forge has the highest priority and pip may be 20.3 or newer: the pip resolver can loop forever.");

    private static readonly CondaVersion FirstLoopingPip = CondaVersion.Parse("20.3");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Conda is not { HasPipPackages: true } conda)
        {
            yield break;
        }

        var firstChannel = conda.Channels is { Count: > 0 } channels ? channels[0].Value : null;
        foreach (var pip in conda.Named("pip"))
        {
            if (pip.Spec is not { } spec)
            {
                continue;
            }

            var channel = spec.Channel ?? firstChannel;
            if (channel is null || !IsCondaForge(channel))
            {
                continue;
            }

            if (spec.Version is null || spec.Version.AdmitsAtOrAbove(FirstLoopingPip))
            {
                var why = spec.Channel is not null ? $"pip is taken from '{spec.Channel}'" : "'conda-forge' is the first channel";
                yield return Report(pip.ValueSpan,
                    $"{why} and '{pip.Text.Value.Trim()}' admits pip 20.3 or newer, whose resolver can backtrack without end on " +
                    "this pip list: the image build hangs until it times out. Pin 'pip=20.2.4' (or 'pip<20.3').",
                    fix: "pip=20.2.4");
            }
        }
    }

    /// <summary>conda-forge by name, or by its URL (<c>https://conda.anaconda.org/conda-forge</c>).</summary>
    private static bool IsCondaForge(string channel)
    {
        var trimmed = channel.Trim().TrimEnd('/');
        var last = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        return last.Equals("conda-forge", StringComparison.OrdinalIgnoreCase);
    }
}

using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Online.Conda;
using PipelineGuard.Rules;

namespace PipelineGuard.Online.Rules;

/// <summary>
/// PG204: a conda dependency that no channel of the spec has for <c>linux-64</c> or <c>noarch</c>, or whose version
/// spec matches none of the versions they have. conda stops the build with <c>ResolvePackageNotFound</c> (or
/// <c>PackagesNotFoundError</c>). Judged only when every channel of the dependency was read.
/// </summary>
internal sealed class CondaPackageNotOnChannels : IOnlineRule
{
    public RuleInfo Info => RuleCatalog.CondaPackageNotOnChannels;

    public IEnumerable<Finding> Check(Workspace workspace, IndexFacts facts, OnlineOptions options)
    {
        foreach (var use in CondaPackageUses.Of(workspace, options.CondaChannelAlias))
        {
            if (!use.Channels.All(facts.ReadChannels.Contains))
            {
                continue;
            }

            var channels = string.Join(", ", use.Channels.Select(c => UrlCredentials.Redact(Short(c, options.CondaChannelAlias))));
            var versions = use.Channels.SelectMany(c => facts.CondaPackages.GetValueOrDefault((c, use.Name)) ?? []).Distinct().ToList();
            if (versions.Count == 0)
            {
                yield return new Finding(Info, Info.DefaultSeverity,
                    $"'{use.Dependency.Name}' is on none of the channels {channels} for linux-64 or noarch: conda will fail the image build with " +
                    "'ResolvePackageNotFound'. Check the name, add the channel that has it, or install it with pip.",
                    use.Dependency.NameSpan);
            }
            else if (!CondaLookups.Admits(use, versions))
            {
                var newest = versions.Select(v => Versioning.Conda.CondaVersion.TryParse(v, out var p, out _) ? p : null).OfType<Versioning.Conda.CondaVersion>()
                    .Order().TakeLast(5).Select(v => v.Text);
                yield return new Finding(Info, Info.DefaultSeverity,
                    $"'{use.Dependency.Text.Value.Trim()}': no version of {use.Dependency.Name} on {channels} (linux-64, noarch) matches, so conda will fail " +
                    $"the image build with 'ResolvePackageNotFound'. The channels have {string.Join(", ", newest)} (newest). A pin copied from another " +
                    "platform's 'conda env export' often names a build only that platform has.",
                    use.Dependency.ValueSpan);
            }
        }
    }

    /// <summary>A channel on the alias by its name (<c>conda-forge</c>), any other by its URL.</summary>
    private static string Short(string channel, string alias) =>
        channel.StartsWith(alias.TrimEnd('/') + "/", StringComparison.Ordinal) ? channel[(alias.TrimEnd('/').Length + 1)..] : channel;
}

using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Online.Pip;
using PipelineGuard.Rules;
using PipelineGuard.Versioning.Pep440;

namespace PipelineGuard.Online.Rules;

/// <summary>
/// PG202: a version pinned with <c>==</c> that no index of the environment has (error), or whose every file is yanked
/// (warning: pip still installs a yanked release pinned exactly, PEP 592, but its authors withdrew it). Judged only
/// when every index answered; versions compare as PEP 440 does (<c>1.0</c> is <c>1.0.0</c>).
/// </summary>
internal sealed class VersionNotOnIndex : IOnlineRule
{
    public RuleInfo Info => RuleCatalog.VersionNotOnIndex;

    public IEnumerable<Finding> Check(Workspace workspace, IndexFacts facts, OnlineOptions options)
    {
        foreach (var use in PipPackageUses.Of(workspace, options.IndexUrl))
        {
            if (use.Pin is not { } pin)
            {
                continue;
            }

            var lookups = use.Indexes.Select(i => facts.Project(i, use.Name)).ToList();
            var pages = lookups.Select(l => l.Page).OfType<ProjectPage>().ToList();
            if (!lookups.All(l => l.Verified) || pages.Count == 0)
            {
                continue;
            }

            var files = pages.SelectMany(p => p.FilesOf(pin)).ToList();
            if (files.Count == 0)
            {
                var versions = pages.SelectMany(p => p.Versions).Distinct().Order().ToList();
                yield return new Finding(Info, Info.DefaultSeverity,
                    $"{use.Requirement.Name} {pin} is not on the index: pip will fail the image build with 'Could not find a version that " +
                    $"satisfies the requirement'. {Available(versions)}",
                    use.RequirementSpan);
            }
            else if (files.All(f => f.Yanked))
            {
                yield return new Finding(Info, Severity.Warning,
                    $"{use.Requirement.Name} {pin} is yanked on the index: its authors withdrew it (PEP 592). pip still installs it for an exact " +
                    "pin, with a warning; pin a release that is not yanked.",
                    use.RequirementSpan);
            }
        }
    }

    private static string Available(List<Pep440Version> versions) => versions.Count == 0
        ? "The index has no release of it."
        : $"The index has {string.Join(", ", versions.TakeLast(5))}{(versions.Count > 5 ? $" (newest 5 of {versions.Count})" : string.Empty)}.";
}

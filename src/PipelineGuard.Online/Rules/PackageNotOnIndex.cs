using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Online.Pip;
using PipelineGuard.Rules;

namespace PipelineGuard.Online.Rules;

/// <summary>
/// PG201: every index the environment's pip searches answered that it has no such project (404 on its simple page).
/// pip then stops the build with "Could not find a version that satisfies the requirement … (from versions: none)".
/// An index that did not answer leaves the package unverified: no finding.
/// </summary>
internal sealed class PackageNotOnIndex : IOnlineRule
{
    public RuleInfo Info => RuleCatalog.PackageNotOnIndex;

    public IEnumerable<Finding> Check(Workspace workspace, IndexFacts facts, OnlineOptions options)
    {
        foreach (var use in PipPackageUses.Of(workspace, options.IndexUrl))
        {
            if (use.Indexes.All(index => facts.Project(index, use.Name).Missing))
            {
                var indexes = use.Indexes.Select(UrlCredentials.Redact).ToList();
                var where = indexes.Count == 1 ? $"the index {indexes[0]}" : $"any of the indexes {string.Join(", ", indexes)}";
                yield return new Finding(Info, Info.DefaultSeverity,
                    $"'{use.Requirement.Name}' is not on {where}: pip will fail the image build with 'Could not find a version that satisfies " +
                    $"the requirement {use.Requirement.Text.Trim()}'. Check the spelling, or publish the package to the index the environment uses " +
                    "(a local package needs its path or wheel, not a name).",
                    use.NameSpan);
            }
        }
    }
}

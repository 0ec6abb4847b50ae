using PipelineGuard.Model;
using PipelineGuard.Rules.Conda;
using PipelineGuard.Rules.Documents;
using PipelineGuard.Rules.Environment;
using PipelineGuard.Rules.Pip;

namespace PipelineGuard.Rules;

/// <summary>Every rule PipelineGuard runs, in ID order. A test checks that IDs are unique and that each has a page in docs/rules/.</summary>
internal static class RuleCatalog
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new PipNotDeclared(),
        new PipUnpinned(),
        new PipResolverLoopRisk(),
        new CondaTooOld(),
        new UserManagedDependenciesConflict(),
        new DependencyUnpinned(),
        new InvalidDocument(),
        new MissingReferencedFile(),
        new InvalidPipRequirement(),
    ];

    public static RuleInfo? Find(string id) =>
        All.Select(r => r.Info).FirstOrDefault(i => i.Id.Equals(id, StringComparison.OrdinalIgnoreCase) || i.Name.Equals(id, StringComparison.OrdinalIgnoreCase));
}

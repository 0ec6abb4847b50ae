using PipelineGuard.Analysis;
using PipelineGuard.Documents.Pip;
using PipelineGuard.Environments;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Online.Pip;

/// <summary>
/// What the pip rules look up: every named requirement of every environment (not editables, URLs or paths, not
/// constraints files), with its indexes. pip's options are global to one install, so the environment's
/// <c>--index-url</c> (the last one given, in any of its files) replaces the default index for every package of it, and
/// each <c>--extra-index-url</c> adds one. An environment whose install also reads <c>--find-links</c> or
/// <c>--no-index</c>, or names an index through a variable, is not verified: a package may come from there.
/// </summary>
internal static class PipPackageUses
{
    public static IReadOnlyList<PipPackageUse> Of(Workspace workspace, string defaultIndex)
    {
        var uses = new List<PipPackageUse>();
        foreach (var environment in workspace.Environments)
        {
            var sources = PipSources.Of(environment);
            var options = sources.SelectMany(s => s.Document.AllOptions).ToList();
            if (options.Any(o => o.Spec == PipOptions.FindLinks || o.Spec == PipOptions.NoIndex) ||
                options.Any(o => (o.Spec == PipOptions.IndexUrl || o.Spec == PipOptions.ExtraIndexUrl) && (o.Value is null || IsTemplated(o.Value.Value))))
            {
                continue;
            }

            var primary = options.LastOrDefault(o => o.Spec == PipOptions.IndexUrl)?.Value!.Value.Trim() ?? defaultIndex;
            var indexes = new[] { primary }.Concat(options.Where(o => o.Spec == PipOptions.ExtraIndexUrl).Select(o => o.Value!.Value.Trim()))
                .Select(u => u.TrimEnd('/')).Distinct(StringComparer.Ordinal).ToList();
            var python = environment.Conda is { } conda ? PipPins.Python(conda) : null;
            var pythonFull = environment.Conda is { } c2 && PythonSpec.Of(c2) is [var single] && single.Spec?.VersionText is { } text && !text.Any(ch => ch is '<' or '>' or '!' or '|' or ',' or '~' or '*')
                ? text.TrimStart('=').Split('=')[0]
                : null;
            foreach (var source in sources.Where(s => !s.IsConstraint))
            {
                if (source.Document.UsesEnvironmentVariables)
                {
                    continue;
                }

                foreach (var line in source.Document.Requirements.Where(r => r.Kind == RequirementKind.Named && !r.IsEditable))
                {
                    if (!IsTemplated(line.Requirement.Value) && Pep508Requirement.TryParse(line.Requirement.Value, out var requirement, out _) && requirement.Url is null)
                    {
                        uses.Add(new PipPackageUse(line, requirement, indexes, python, pythonFull));
                    }
                }
            }
        }

        return uses;
    }

    private static bool IsTemplated(string text) => text.Contains('$', StringComparison.Ordinal) || text.Contains("{{", StringComparison.Ordinal);
}

using System.Collections.Immutable;
using PipelineGuard.BuildLogs;
using PipelineGuard.Documents.Pip;
using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Rules.Logs;

namespace PipelineGuard.Diagnosis;

/// <summary>
/// Maps what a log signal names back to the spec lines the user can edit, as <see cref="RelatedLocation"/>s, most
/// specific first: the N-th entry of a conda spec's <c>pip:</c> list for <c>condaenv.&lt;id&gt;.requirements.txt (line N)</c>
/// (Azure ML writes that file from the list, one entry per line), line N of a requirements file, the declaration of the
/// package, of the package that required it (<c>(from good-package==1.0)</c>), the Python pin, the base image.
/// </summary>
internal sealed class SpecLinker(Workspace workspace)
{
    public ImmutableArray<RelatedLocation> Link(LogSignal signal)
    {
        var rule = LogRuleSet.Of(signal.Rule);
        var links = new SpecLinks(workspace);

        if (signal.RequirementsLine is int number && signal.RequirementsFile is { } file && (rule.Traits & LogTraits.DockerfileLine) == 0)
        {
            foreach (var (span, message) in ByFileLine(links, file, number, signal.Package))
            {
                links.Add(span, message);
            }
        }

        rule.LinkWritten(signal, links);

        var conda = rule.NamesCondaPackages(signal);
        foreach (var name in new[] { signal.Package }.Concat(signal.OtherPackages))
        {
            foreach (var (span, message) in Declared(links, name, conda))
            {
                links.Add(span, message);
            }
        }

        if (signal.FromPackage is { } from)
        {
            foreach (var (span, _) in Declared(links, from, preferConda: false))
            {
                links.Add(span, $"'{from}' is declared here and requires '{signal.Package}'");
            }
        }

        rule.Link(signal, links);

        if (signal.Image is { } image)
        {
            foreach (var environment in workspace.Environments)
            {
                if (environment.Image is { } declared && SameImage(declared.Value, image))
                {
                    links.Add(declared.Span, "the base image is named here");
                }

                foreach (var stage in environment.Build?.Dockerfile?.Stages ?? [])
                {
                    if (SameImage(stage.From!.Image.Value, image))
                    {
                        links.Add(stage.From.Image.Span, "the base image is named here");
                    }
                }
            }
        }

        return [.. links.Related];
    }

    private IEnumerable<(SourceSpan Span, string Message)> ByFileLine(SpecLinks links, string file, int number, string? package)
    {
        if (number >= 1 && new PipReference(file, number, null).IsCondaPipList)
        {
            var lists = workspace.Environments.Select(e => e.Conda?.Pip).OfType<PipList>().Distinct().Where(p => p.Entries.Count >= number).ToList();
            var matching = lists.Where(p => package is null || NameOf(p.Entries[number - 1].Value) is { } n && Same(n, package)).ToList();
            foreach (var list in matching.Count > 0 ? matching : lists)
            {
                yield return (list.Entries[number - 1].Span, $"line {number} of the requirements file that Azure ML writes from this pip: list ({Path.GetFileName(file)})");
            }

            yield break;
        }

        foreach (var document in links.Documents().Where(d => SpecLinks.EndsWithPath(d.Path, file) || SpecLinks.EndsWithPath(file, d.Path)))
        {
            foreach (var entry in document.Entries.Where(e => e.LineNumber == number))
            {
                yield return (entry is RequirementLine { Name: { } name } ? name.Span : entry.Span, $"line {number} of {Path.GetFileName(file)}");
            }
        }
    }

    private IEnumerable<(SourceSpan Span, string Message)> Declared(SpecLinks links, string? name, bool preferConda)
    {
        if (name is null)
        {
            yield break;
        }

        var pip = links.Documents().SelectMany(d => d.Requirements).Where(r => r.NormalizedName is { } n && Same(n, name))
            .Select(r => (r.Name!.Span, $"'{r.Requirement.Value.Trim()}' is declared here"));
        var conda = workspace.Environments.SelectMany(e => e.Conda?.Dependencies ?? []).Where(d => d.Name is { } n && Same(n, name))
            .Select(d => (d.ValueSpan, $"'{d.Text.Value.Trim()}' is declared here"));
        foreach (var item in (preferConda ? conda.Concat(pip) : pip.Concat(conda)).Distinct())
        {
            yield return item;
        }
    }

    private static string? NameOf(string entry) => LogText.RequirementName(entry);

    private static bool Same(string a, string b) => RequirementTargetScanner.Normalize(a) == RequirementTargetScanner.Normalize(b);

    private static bool SameImage(string declared, string logged)
    {
        static string Clean(string s) => s.Trim().Trim('"', '\'').ToLowerInvariant();
        var d = Clean(declared);
        var l = Clean(logged);
        return d == l || d.StartsWith(l + "@", StringComparison.Ordinal) || l.StartsWith(d + "@", StringComparison.Ordinal);
    }
}

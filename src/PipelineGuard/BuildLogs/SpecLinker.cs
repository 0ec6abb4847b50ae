using System.Collections.Immutable;
using PipelineGuard.Documents.Pip;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.BuildLogs;

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
        var related = new List<RelatedLocation>();
        var seen = new Dictionary<(string, int), int>();

        // One location per spec line, at the first (most specific) span; the messages of later ones are added to it.
        void Add(SourceSpan span, string message)
        {
            if (seen.TryGetValue((span.File, span.Line), out var index))
            {
                if (!related[index].Message.Contains(message, StringComparison.Ordinal) && !message.EndsWith("is declared here", StringComparison.Ordinal))
                {
                    related[index] = related[index] with { Message = related[index].Message + "; " + message };
                }

                return;
            }

            seen[(span.File, span.Line)] = related.Count;
            related.Add(new RelatedLocation(span, message));
        }

        if (signal.RequirementsLine is int number && signal.RequirementsFile is { } file && signal.Rule.Id != "PG320")
        {
            foreach (var (span, message) in ByFileLine(file, number, signal.Package))
            {
                Add(span, message);
            }
        }

        if (signal.Rule.Id == "PG314" && signal.RequirementText is { } text)
        {
            foreach (var document in Documents())
            {
                foreach (var entry in document.Entries.Where(e => e.Line.Text.Trim() == text.Trim()))
                {
                    Add(entry.Span, $"'{text}' is written here");
                }
            }
        }

        var conda = signal.Rule.Id is "PG302" or "PG312" or "PG328" || (signal.Rule.Id == "PG318" && signal.Kind == LogKinds.PythonIncompatible && signal.Line.Text.Contains("python installation", StringComparison.Ordinal));
        foreach (var name in new[] { signal.Package }.Concat(signal.OtherPackages))
        {
            foreach (var (span, message) in Declared(name, conda))
            {
                Add(span, message);
            }
        }

        if (signal.FromPackage is { } from)
        {
            foreach (var (span, _) in Declared(from, preferConda: false))
            {
                Add(span, $"'{from}' is declared here and requires '{signal.Package}'");
            }
        }

        switch (signal.Rule.Id)
        {
            case "PG318" or "PG312":
                foreach (var python in workspace.Environments.SelectMany(e => e.Conda?.Named("python") ?? []))
                {
                    Add(python.ValueSpan, "the environment's Python is given here");
                }

                break;
            case "PG305":
                foreach (var pip in workspace.Environments.Where(e => e.Conda is { } c && !c.Named("pip").Any()).Select(e => e.Conda!.Pip).OfType<PipList>())
                {
                    Add(pip.Key, "this pip: list has no 'pip' among the conda dependencies");
                }

                break;
            case "PG325" when signal.RequirementText is { } missing:
                foreach (var include in Documents().SelectMany(d => d.Includes).Where(i => EndsWithPath(i.Path.Value, missing)))
                {
                    Add(include.Path.Span, $"'{missing}' is included here");
                }

                break;
            case "PG327" when signal.RequirementText is { Length: > 0 } invalid:
                foreach (var (span, message) in InvalidCondaSpec(invalid, version: signal.Line.Text.Contains("InvalidVersionSpec", StringComparison.Ordinal)))
                {
                    Add(span, message);
                }

                break;
            case "PG329":
                foreach (var document in workspace.Documents.Where(d => d.Kind is not DocumentKind.Dockerfile))
                {
                    var bad = document.Text.Content.IndexOf('\uFFFD', StringComparison.Ordinal);
                    if (bad >= 0)
                    {
                        Add(document.Text.SpanOf(bad, 1), $"{Path.GetFileName(document.Text.Path)} is not UTF-8: its first invalid byte is here");
                    }
                }

                break;
            case "PG330":
                foreach (var run in Dockerfiles().SelectMany(d => d.Instructions).Select(i => i.Run).OfType<Documents.Docker.DockerRun>())
                {
                    foreach (var command in run.Commands.Where(c => c.EffectiveArguments is [{ Value: "make" or "gmake" }, ..]))
                    {
                        Add(command.EffectiveArguments[0].Span, "make runs here");
                    }
                }

                break;
            case "PG320" when signal.RequirementText is { } source:
                foreach (var copy in Dockerfiles().SelectMany(d => d.Instructions).Where(i => i.Copy is not null))
                {
                    foreach (var s in copy.Copy!.Sources.Where(s => EndsWithPath(s.Value.TrimStart('.', '/'), source) || EndsWithPath(source, s.Value.TrimStart('.', '/'))))
                    {
                        Add(s.Span, $"'{s.Value}' is copied here");
                    }
                }

                break;
        }

        if (signal.Image is { } image)
        {
            foreach (var environment in workspace.Environments)
            {
                if (environment.Image is { } declared && SameImage(declared.Value, image))
                {
                    Add(declared.Span, "the base image is named here");
                }

                foreach (var stage in environment.Build?.Dockerfile?.Stages ?? [])
                {
                    if (SameImage(stage.From!.Image.Value, image))
                    {
                        Add(stage.From.Image.Span, "the base image is named here");
                    }
                }
            }
        }

        return [.. related];
    }

    private IEnumerable<(SourceSpan Span, string Message)> ByFileLine(string file, int number, string? package)
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

        foreach (var document in Documents().Where(d => EndsWithPath(d.Path, file) || EndsWithPath(file, d.Path)))
        {
            foreach (var entry in document.Entries.Where(e => e.LineNumber == number))
            {
                yield return (entry is RequirementLine { Name: { } name } ? name.Span : entry.Span, $"line {number} of {Path.GetFileName(file)}");
            }
        }
    }

    /// <summary>
    /// The conda dependencies whose text is the spec conda rejected (InvalidMatchSpec), or whose version part holds the version it
    /// rejected (InvalidVersionSpec quotes only the version: 'numpy=1.19=' gives '1.19=').
    /// </summary>
    private IEnumerable<(SourceSpan Span, string Message)> InvalidCondaSpec(string invalid, bool version)
    {
        foreach (var dependency in workspace.Environments.SelectMany(e => e.Conda?.Dependencies ?? []).Distinct())
        {
            var text = dependency.Text.Value.Trim();
            var name = LogText.CondaName(text) ?? string.Empty;
            var matches = text == invalid.Trim() || (version && text.Length > name.Length && text[name.Length..].Contains(invalid.Trim(), StringComparison.Ordinal));
            if (matches)
            {
                yield return (dependency.ValueSpan, $"'{text}' is written here");
            }
        }
    }

    private IEnumerable<(SourceSpan Span, string Message)> Declared(string? name, bool preferConda)
    {
        if (name is null)
        {
            yield break;
        }

        var pip = Documents().SelectMany(d => d.Requirements).Where(r => r.NormalizedName is { } n && Same(n, name))
            .Select(r => (r.Name!.Span, $"'{r.Requirement.Value.Trim()}' is declared here"));
        var conda = workspace.Environments.SelectMany(e => e.Conda?.Dependencies ?? []).Where(d => d.Name is { } n && Same(n, name))
            .Select(d => (d.ValueSpan, $"'{d.Text.Value.Trim()}' is declared here"));
        foreach (var item in (preferConda ? conda.Concat(pip) : pip.Concat(conda)).Distinct())
        {
            yield return item;
        }
    }

    private IEnumerable<RequirementsDocument> Documents() =>
        workspace.Environments.SelectMany(e => e.PipRequirements).Distinct();

    private IEnumerable<Documents.Docker.DockerfileDocument> Dockerfiles() =>
        workspace.Environments.Select(e => e.Build?.Dockerfile).OfType<Documents.Docker.DockerfileDocument>().Distinct();

    private static string? NameOf(string entry) => LogText.RequirementName(entry);

    private static bool Same(string a, string b) => RequirementTargetScanner.Normalize(a) == RequirementTargetScanner.Normalize(b);

    private static bool EndsWithPath(string path, string tail)
    {
        path = path.Replace('\\', '/');
        tail = tail.Replace('\\', '/').TrimStart('.', '/');
        return tail.Length > 0 && (path == tail || path.EndsWith("/" + tail, StringComparison.Ordinal));
    }

    private static bool SameImage(string declared, string logged)
    {
        static string Clean(string s) => s.Trim().Trim('"', '\'').ToLowerInvariant();
        var d = Clean(declared);
        var l = Clean(logged);
        return d == l || d.StartsWith(l + "@", StringComparison.Ordinal) || l.StartsWith(d + "@", StringComparison.Ordinal);
    }
}

using PipelineGuard.Documents.Docker;
using PipelineGuard.Environments;

namespace PipelineGuard.Analysis;

/// <summary>
/// The documents of one pip install (<see cref="AmlEnvironment.PipRequirements"/>: the conda <c>pip:</c> list or
/// a stand-alone requirements file, then what they include), each marked as requirements or constraints.
/// pip decides that per include line, not per file tree: in <c>req_file.py</c> (<c>_parse_and_recurse</c>) a
/// <c>-r</c> inside a constraints file is read as requirements again, and a <c>-c</c> anywhere as constraints.
/// Discovery keeps the included documents in a flat list, so the include lines are matched to them by path
/// (both relative to the working folder, '/' separated); this is string work only, no file system.
/// </summary>
internal static class PipSources
{
    public static IReadOnlyList<PipSource> Of(AmlEnvironment environment)
    {
        var documents = environment.PipRequirements.ToList();
        var constraint = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var include in document.Includes)
            {
                if (Resolve(document.Path, include.Path.Value.Trim()) is { } target)
                {
                    constraint.TryAdd(target, include.IsConstraint);
                }
            }
        }

        // The first document is the root of the install (the pip list, or the file given to pip -r), unless it is a
        // constraints*.txt found on its own: pip only ever reads such a file through -c.
        var rootIsConstraint = environment.Conda?.Pip is null && documents.Count > 0 && IsConstraintsFileName(documents[0].Path);
        return [.. documents.Select((d, i) => new PipSource(d, i > 0 ? constraint.GetValueOrDefault(Normalize(d.Path)) : rootIsConstraint))];
    }

    /// <summary>Discovery's <c>constraints*.txt</c> pattern (docs/usage.md, "What is read").</summary>
    private static bool IsConstraintsFileName(string path)
    {
        var name = path[(path.Replace('\\', '/').LastIndexOf('/') + 1)..];
        return name.StartsWith("constraints", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The path of <paramref name="include"/> written in <paramref name="owner"/>, or null for URLs and templates.</summary>
    internal static string? Resolve(string owner, string include)
    {
        if (include.Length == 0 || include.Contains("://", StringComparison.Ordinal) || include.Contains("{{", StringComparison.Ordinal))
        {
            return null;
        }

        include = include.Replace('\\', '/');
        if (include.StartsWith('/'))
        {
            return Normalize(include);
        }

        var slash = owner.Replace('\\', '/').LastIndexOf('/');
        return Normalize(slash < 0 ? include : owner[..(slash + 1)] + include);
    }

    /// <summary>Drops "." segments and folds "name/.." pairs, as <c>os.path.normpath</c> does (one path cleaner for the project: <see cref="GoPath.Clean"/>).</summary>
    internal static string Normalize(string path) => GoPath.Clean(path.Replace('\\', '/'));
}

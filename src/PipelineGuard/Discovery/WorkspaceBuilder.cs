using PipelineGuard.Documents.AzureMl;
using PipelineGuard.Documents.Tree;
using PipelineGuard.Environments;
using PipelineGuard.IO;

namespace PipelineGuard.Discovery;

/// <summary>
/// Discovery end to end: collect the input files, read each once, build every environment from the
/// definitions (following <c>conda_file</c>, <c>build</c>, sibling files), and let what no definition
/// claims stand as an environment of its own.
/// </summary>
internal sealed class WorkspaceBuilder(IFileSystem fs, Func<string, bool>? excluded = null)
{
    public Workspace Build(IReadOnlyList<string> paths)
    {
        var cwd = Path.GetFullPath(fs.CurrentDirectory);
        var guard = new RepositoryFiles(fs);
        var candidates = new InputCollector(fs, guard, excluded).Collect(paths);
        var loader = new DocumentLoader(guard, cwd);
        var inputs = loader.LoadAll(candidates).OfType<LoadedFile>().ToList();

        var assembler = new EnvironmentAssembler(fs, guard, loader);
        foreach (var file in inputs.Where(f => f.Tree is DocMapping))
        {
            switch (file.Kind)
            {
                case DocumentKind.AzureMlV2:
                    assembler.AddV2(file, (DocMapping)file.Tree!, EnvironmentKind.AzureMlV2, file.Text.SpanOfLine(1));
                    break;
                case DocumentKind.AzureMlV1:
                    assembler.AddV1(file, (DocMapping)file.Tree!);
                    break;
                case DocumentKind.JobWithInlineEnvironment:
                    foreach (var entry in InlineEnvironmentFinder.Find((DocMapping)file.Tree!))
                    {
                        assembler.AddV2(file, (DocMapping)entry.Value, EnvironmentKind.Inline, entry.Key.Span);
                    }

                    break;
            }
        }

        // What no definition claimed stands alone. Conda specs go first, since their pip lists may include
        // requirement files; then requirement files that no other includes, so that `-r`/`-c` targets are claimed
        // by their includer before their own turn. `Claimed` is read lazily: a file claimed on the way is skipped.
        var included = IncludedRequirementFiles(inputs);
        foreach (var file in inputs.OrderBy(f => f.Kind == DocumentKind.CondaSpec ? 0 : included.Contains(f.FullPath) ? 2 : 1).Where(f => !f.Claimed))
        {
            assembler.AddStandalone(file);
        }

        var documents = loader.Loaded
            .OrderBy(f => f.Text.Path, StringComparer.Ordinal)
            .Select(f => f.ToDocument())
            .ToList();
        return new Workspace(documents, assembler.Environments, assembler.References);
    }

    private static HashSet<string> IncludedRequirementFiles(IEnumerable<LoadedFile> inputs)
    {
        var included = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in inputs.Where(f => f.Requirements is not null))
        {
            foreach (var include in file.Requirements!.Includes)
            {
                if (PathUtil.Resolve(Path.GetDirectoryName(file.FullPath)!, include.Path.Value) is { } full)
                {
                    included.Add(full);
                }
            }
        }

        return included;
    }
}

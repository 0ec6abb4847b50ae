using PipelineGuard.Documents.AzureMl;
using PipelineGuard.Documents.Tree;
using PipelineGuard.Environments;
using PipelineGuard.IO;
using PipelineGuard.Model;

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
        var candidates = new InputCollector(fs, excluded).Collect(paths);
        var loader = new DocumentLoader(fs, cwd);
        var inputs = candidates.Select(c => loader.Load(c)).OfType<LoadedFile>().ToList();

        var assembler = new EnvironmentAssembler(fs, loader);
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
        // requirement files; `Claimed` is read lazily, so a file claimed on the way is not counted again.
        foreach (var file in inputs.OrderBy(f => f.Kind == DocumentKind.CondaSpec ? 0 : 1).Where(f => !f.Claimed))
        {
            assembler.AddStandalone(file);
        }

        var documents = loader.Loaded
            .OrderBy(f => f.Text.Path, StringComparer.Ordinal)
            .Select(f => f.ToDocument())
            .ToList();
        return new Workspace(documents, assembler.Environments, assembler.References);
    }
}

namespace PipelineGuard.Tests.Delivery;

/// <summary>
/// The Dockerfile that builds the shipped image, read as docker reads it (continuation lines joined, comment lines
/// dropped), and the build context the runner and the workflows give it: the Dockerfile's own folder
/// (actions/runner ContainerActionHandler: Directory.GetParent(dockerFile)).
/// </summary>
internal sealed class ImageDockerfile
{
    private ImageDockerfile(string path, IReadOnlyList<(string Instruction, string Arguments)> instructions)
    {
        FullPath = path;
        Instructions = instructions;
    }

    public const string RelativePath = "Dockerfile";

    public string FullPath { get; }

    public string Context => Path.GetDirectoryName(FullPath)!;

    public IReadOnlyList<(string Instruction, string Arguments)> Instructions { get; }

    public static ImageDockerfile Load() => Parse(Path.Combine(Shipped.Root, RelativePath));

    public static ImageDockerfile Parse(string path)
    {
        var instructions = new List<(string, string)>();
        var current = string.Empty;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.TrimStart();
            if (line.StartsWith('#') || (current.Length == 0 && line.Length == 0))
            {
                continue;
            }

            var continued = line.EndsWith('\\');
            current += (continued ? line[..^1] : line) + " ";
            if (!continued)
            {
                var text = current.Trim();
                var space = text.IndexOf(' ', StringComparison.Ordinal);
                instructions.Add(space < 0 ? (text.ToUpperInvariant(), string.Empty) : (text[..space].ToUpperInvariant(), text[(space + 1)..].Trim()));
                current = string.Empty;
            }
        }

        return new ImageDockerfile(path, instructions);
    }

    /// <summary>The sources of each COPY/ADD that reads the build context (not --from=stage), relative to it.</summary>
    public IEnumerable<string> ContextSources() =>
        Instructions
            .Where(i => i.Instruction is "COPY" or "ADD")
            .Select(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => !words.Any(w => w.StartsWith("--from=", StringComparison.Ordinal)))
            .SelectMany(words => words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).SkipLast(1));

    /// <summary>The RUN steps of the build stage (the first FROM up to the second), as /bin/sh would get them.</summary>
    public IEnumerable<string> BuildStageRunSteps() =>
        Instructions.SkipWhile(i => i.Instruction != "FROM").Skip(1).TakeWhile(i => i.Instruction != "FROM")
            .Where(i => i.Instruction == "RUN").Select(i => i.Arguments);

    /// <summary>
    /// Copies exactly what the COPY instructions take from the context into <paramref name="target"/>, as the
    /// build stage's WORKDIR sees it. Build outputs (bin/, obj/) are left out, as .dockerignore leaves them out.
    /// </summary>
    public void LayOutBuildStage(string target)
    {
        Directory.CreateDirectory(target);
        foreach (var source in ContextSources().Where(s => !s.StartsWith("action/", StringComparison.Ordinal)))
        {
            var from = Path.Combine(Context, source.TrimEnd('/'));
            var to = Path.Combine(target, source.TrimEnd('/'));
            if (Directory.Exists(from))
            {
                RemoveFilesNotIn(from, to);
                foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)
                             .Where(f => !Path.GetRelativePath(from, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")))
                {
                    var destination = Path.Combine(to, Path.GetRelativePath(from, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                    CopyIfChanged(file, destination);
                }
            }
            else
            {
                CopyIfChanged(from, Path.Combine(target, Path.GetFileName(from)));
            }
        }
    }

    /// <summary>A file deleted from the repository is deleted from the copy too (bin/ and obj/ stay).</summary>
    private static void RemoveFilesNotIn(string from, string to)
    {
        if (!Directory.Exists(to))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(to, "*", SearchOption.AllDirectories)
                     .Where(f => !Path.GetRelativePath(to, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                     .Where(f => !File.Exists(Path.Combine(from, Path.GetRelativePath(to, f))))
                     .ToList())
        {
            File.Delete(file);
        }
    }

    /// <summary>Unchanged files keep their time stamps, so a rebuild of the laid-out copy stays incremental.</summary>
    private static void CopyIfChanged(string from, string to)
    {
        if (!File.Exists(to) || !File.ReadAllBytes(to).AsSpan().SequenceEqual(File.ReadAllBytes(from)))
        {
            File.Copy(from, to, overwrite: true);
        }
    }
}

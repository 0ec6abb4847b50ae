using PipelineGuard.Documents.AzureMl;
using PipelineGuard.Documents.Tree;
using PipelineGuard.Environments;
using PipelineGuard.IO;
using PipelineGuard.Model;

namespace PipelineGuard.Discovery;

/// <summary>Reads each file once (cached by full path), decodes it, and parses it with the reader its name calls for.</summary>
internal sealed class DocumentLoader(RepositoryFiles guard, string workingDirectory)
{
    /// <summary>Environment files are small; anything bigger is refused rather than read into memory.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    private readonly Dictionary<string, LoadedFile?> _cache = new(StringComparer.Ordinal);

    public IEnumerable<LoadedFile> Loaded => _cache.Values.OfType<LoadedFile>();

    /// <summary>Loads a file; null when it is not ours (and was not named explicitly).</summary>
    public LoadedFile? Load(Candidate candidate, DocumentKind? expected = null)
    {
        // A file the walk passed over as "not ours" is read again when a definition names it with a kind:
        // `conda_file: deps.yml` makes deps.yml a conda spec even if its content did not look like one.
        if (_cache.TryGetValue(candidate.FullPath, out var cached) && (cached is not null || expected is null))
        {
            return cached;
        }

        var result = LoadUncached(candidate, expected);
        _cache[candidate.FullPath] = result;
        return result;
    }

    /// <summary>
    /// Loads the files the walk found, the same as <see cref="Load"/> on each in turn, but read, decoded and parsed in
    /// parallel: each file's work is its own, and on a monorepo of thousands of files it is most of a run. The cache is
    /// filled afterwards in the candidates' order, so what follows is the same as one by one.
    /// </summary>
    public List<LoadedFile?> LoadAll(IReadOnlyList<Candidate> candidates)
    {
        var fresh = new LoadedFile?[candidates.Count];
        var firstOfPath = new bool[candidates.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            firstOfPath[i] = !_cache.ContainsKey(candidates[i].FullPath) && seen.Add(candidates[i].FullPath);
        }

        void LoadOne(int i)
        {
            if (firstOfPath[i])
            {
                fresh[i] = LoadUncached(candidates[i], expected: null);
            }
        }

        ParallelWork.For(candidates.Count, LoadOne);

        var results = new List<LoadedFile?>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (firstOfPath[i])
            {
                _cache[candidates[i].FullPath] = fresh[i];
            }

            results.Add(_cache[candidates[i].FullPath]);
        }

        return results;
    }

    private LoadedFile? LoadUncached(Candidate candidate, DocumentKind? expected)
    {
        var name = Path.GetFileName(candidate.FullPath);
        var display = PathUtil.Display(candidate.FullPath, workingDirectory);
        var read = guard.Read(candidate.FullPath, candidate.Root, MaxFileBytes);
        if (read.Path.IsRefused)
        {
            // The refusal is the finding; nothing of the file (not even whether it exists) goes further.
            return Unreadable(candidate, display, "the file " + read.Path.Reason);
        }

        if (read.Path.Status != PathStatus.File)
        {
            // A link to a folder with a file's name, or a file gone since the walk listed it.
            return candidate.Explicit ? Unreadable(candidate, display, "cannot read the file: it is not a regular file") : null;
        }

        if (read.Failure is { } failure)
        {
            return FileNames.IsJson(name) && !candidate.Explicit && !FileNames.IsV1EnvironmentName(name)
                ? null
                : Unreadable(candidate, display, "cannot read the file: " + failure);
        }

        if (read.TooLarge)
        {
            // A big data file (COCO annotations, a notebook export) is not an environment: skip it unless it is ours by name.
            var ours = candidate.Explicit || expected is not null || FileNames.IsDockerfile(name) || FileNames.IsRequirements(name) || FileNames.IsV1EnvironmentName(name);
            return ours
                ? Unreadable(candidate, display, $"the file is {read.Length / (1024.0 * 1024):0.#} MB, over the {MaxFileBytes / (1024 * 1024)} MB that PipelineGuard reads")
                : null;
        }

        // pip reads a UTF-16/32 requirements file with a byte-order mark; Docker, conda and Azure ML read UTF-8 only.
        var asPip = expected is DocumentKind.Requirements || (expected is null && FileNames.IsRequirements(name));
        var (content, invalid) = asPip ? TextDecoder.DecodeAsPip(read.Bytes!) : TextDecoder.Decode(read.Bytes!);
        var file = new LoadedFile(candidate.FullPath, candidate.Root, new SourceText(display, content)) { FirstInvalidByte = invalid };
        var isDockerfile = expected is DocumentKind.Dockerfile || (expected is null && FileNames.IsDockerfile(name));
        if (invalid is { } at && !isDockerfile)
        {
            // A binary or non-UTF-8 file would only give pages of nonsense findings: one clear problem instead
            // (Dockerfiles have their own rule for this, PG132).
            var ours = candidate.Explicit || expected is not null || FileNames.IsRequirements(name) || FileNames.IsV1EnvironmentName(name) ||
                (FileNames.IsYaml(name) && FileNames.LooksLikeEnvironmentYaml(name, content));
            if (!ours)
            {
                return null;
            }

            var (line, column) = file.Text.PositionOf(content.IndexOf('\uFFFD', StringComparison.Ordinal) is var i and >= 0 ? i : 0);
            file.Problems.Add(new ParseProblem(new SourceSpan(display, line, column, line, column + 1),
                $"the file is not UTF-8 (an invalid byte at offset {at}); save it as UTF-8"));
            file.Kind = expected ?? (FileNames.IsRequirements(name) ? DocumentKind.Requirements : DocumentKind.Unreadable);
            return file;
        }

        if (isDockerfile)
        {
            file.Kind = DocumentKind.Dockerfile;
            file.Dockerfile = Documents.Docker.DockerfileReader.Read(file.Text);
            file.Problems.AddRange(file.Dockerfile.Problems);
            return file;
        }

        if (expected is DocumentKind.Requirements || (expected is null && FileNames.IsRequirements(name)))
        {
            file.Kind = DocumentKind.Requirements;
            file.Requirements = Documents.Pip.RequirementsFileReader.Read(file.Text);
            file.Problems.AddRange(file.Requirements.Problems);
            return file;
        }

        var isJson = FileNames.IsJson(name);
        var parsed = isJson ? JsonTreeReader.Read(file.Text) : YamlTreeReader.Read(file.Text);
        if (parsed.Problem is { } problem)
        {
            var ours = candidate.Explicit || expected is not null ||
                (isJson ? FileNames.IsV1EnvironmentName(name) : FileNames.LooksLikeEnvironmentYaml(name, content));
            if (!ours)
            {
                return null;
            }

            file.Problems.Add(problem);
            file.Kind = expected ?? DocumentKind.Unreadable;
            return file;
        }

        file.Tree = parsed.Root;
        file.YamlKind = expected is DocumentKind.CondaSpec
            ? YamlKind.CondaSpec
            : DocumentClassifier.Classify(parsed.Root, isJson, name);
        file.Kind = file.YamlKind switch
        {
            YamlKind.CondaSpec => DocumentKind.CondaSpec,
            YamlKind.AzureMlV2Environment => DocumentKind.AzureMlV2,
            YamlKind.AzureMlV1Environment => DocumentKind.AzureMlV1,
            YamlKind.InlineEnvironments => DocumentKind.JobWithInlineEnvironment,
            _ => DocumentKind.Unreadable,
        };
        if (file.Kind == DocumentKind.Unreadable)
        {
            if (candidate.Explicit)
            {
                throw new UsageException(parsed.Root is null
                    ? $"{display}: the file is empty; it is not an environment definition PipelineGuard can check"
                    : $"{display}: not an environment definition (no conda 'dependencies', no Azure ML environment keys)");
            }

            return null;
        }

        if (file.Kind == DocumentKind.AzureMlV1 && parsed.Root is not DocMapping)
        {
            file.Problems.Add(new ParseProblem(parsed.Root!.Span, "an Azure ML v1 environment must be a JSON object ({\"name\": …, \"python\": …, \"docker\": …})"));
        }

        if (file.Kind == DocumentKind.CondaSpec && parsed.Root is not DocMapping)
        {
            file.Problems.Add(new ParseProblem(SourceSpan.LineOf(display, 1), "a conda specification must be a mapping with a 'dependencies' list"));
        }

        if (file.Kind == DocumentKind.CondaSpec && parsed.Root is DocMapping map)
        {
            // Read the spec here, where files load in parallel, rather than when the assembler takes the file in turn.
            file.Conda = CondaSpecReader.Read(map, file.Problems);
        }

        return file;
    }

    private LoadedFile Unreadable(Candidate candidate, string display, string message)
    {
        var file = new LoadedFile(candidate.FullPath, candidate.Root, new SourceText(display, string.Empty));
        file.Problems.Add(new ParseProblem(SourceSpan.LineOf(display, 1), message));
        return file;
    }
}

using PipelineGuard.Documents.AzureMl;
using PipelineGuard.Documents.Tree;
using PipelineGuard.Environments;
using PipelineGuard.IO;
using PipelineGuard.Model;

namespace PipelineGuard.Discovery;

/// <summary>Builds <see cref="AmlEnvironment"/>s from definitions, reading the files they refer to through the shared loader.</summary>
internal sealed class EnvironmentAssembler(IFileSystem fs, RepositoryFiles guard, DocumentLoader loader)
{
    private readonly List<AmlEnvironment> _environments = [];
    private readonly List<FileReference> _references = [];

    public IReadOnlyList<AmlEnvironment> Environments => _environments;

    public IReadOnlyList<FileReference> References => _references;

    public void AddV2(LoadedFile file, DocMapping map, EnvironmentKind kind, SourceSpan origin)
    {
        var def = V2EnvironmentDefinition.Read(map);
        var conda = def.CondaFile switch
        {
            { Value: DocMapping inline } => CondaSpecReader.Read(inline, file.Problems),
            { Value: DocScalar path } => ReadCondaFile(file, path, "conda_file"),
            { } other => Problem(file, other.Value.Span, "'conda_file' must be a path or a conda specification mapping"),
            null => null,
        };

        DockerBuild? build = null;
        if (def.Build is { } buildEntry)
        {
            build = ReadBuild(file, buildEntry, def.BuildPath, def.DockerfilePath);
        }

        _environments.Add(new AmlEnvironment(kind, origin)
        {
            Name = def.Name?.Located,
            Image = def.Image is { Value: DocScalar image } ? image.Located : null,
            Conda = conda,
            Requirements = FollowPipListIncludes(conda, def.CondaFile?.Value is DocScalar condaPath ? ResolvedCondaFile(file, condaPath) : file),
            Build = build,
            DockerSourceKey = def.Image?.Key.Span ?? def.Build?.Key.Span,
            DockerSources = Sources(("image", def.Image), ("build", def.Build)),
            CondaFileKey = def.CondaFile?.Key.Span,
        });
    }

    private static List<Located<string>> Sources(params (string Name, DocEntry? Entry)[] entries) =>
        entries.Where(e => e.Entry is not null).Select(e => new Located<string>(e.Name, e.Entry!.Key.Span)).ToList();

    private static RegistryCredentials? Registry(V1EnvironmentDefinition def)
    {
        if (def.BaseImageRegistry is not { Value: DocMapping map } entry)
        {
            return null;
        }

        var identity = map.Entry("registryIdentity") is { Value: not DocScalar { IsNull: true } } id ? id.Key.Span : null;
        var credentials = new RegistryCredentials(entry.Key.Span, map.Scalar("address")?.Located, map.Scalar("username")?.Located, map.Scalar("password")?.Located, identity);
        return credentials is { Address: null, Username: null, Password: null, RegistryIdentity: null } ? null : credentials;
    }

    public void AddV1(LoadedFile file, DocMapping map)
    {
        var def = V1EnvironmentDefinition.Read(map);
        CondaSpec? conda = null;
        var condaOwner = file;
        if (def.CondaDependencies is { Value: DocMapping inline })
        {
            conda = CondaSpecReader.Read(inline, file.Problems);
        }
        else if (def.CondaDependencies is { } wrong)
        {
            file.Problems.Add(new ParseProblem(wrong.Value.Span, "'condaDependencies' must be the conda specification as a JSON object"));
        }
        else
        {
            // Environment.save_to_directory writes the spec beside the JSON and drops it from the JSON.
            var sibling = Path.Combine(Path.GetDirectoryName(file.FullPath)!, "conda_dependencies.yml");
            // A refused sibling is loaded too: the loader turns it into a finding, never into content.
            if (guard.Inspect(sibling, file.Root) is { Status: PathStatus.File } or { IsRefused: true })
            {
                (conda, condaOwner) = LoadConda(new Candidate(sibling, file.Root, Explicit: false));
                condaOwner ??= file;
            }
        }

        bool? userManaged = def.UserManagedDependencies?.Value is DocScalar s ? s.AsBoolean : null;
        if (def.UserManagedDependencies is { } um && userManaged is null)
        {
            file.Problems.Add(new ParseProblem(um.Value.Span, "'userManagedDependencies' must be true or false"));
        }

        DockerBuild? build = def.BaseDockerfile is { } dockerfile
            ? new DockerBuild(null, dockerfile.Key.Span, null)
            : def.BuildContext is { } context ? new DockerBuild(null, context.Key.Span, null) : null;
        _environments.Add(new AmlEnvironment(EnvironmentKind.AzureMlV1, file.Text.SpanOfLine(1))
        {
            Name = def.Name?.Located,
            Image = def.BaseImage is { Value: DocScalar { IsNull: false } image } ? image.Located : null,
            Conda = conda,
            Requirements = FollowPipListIncludes(conda, condaOwner),
            UserManagedDependencies = userManaged is { } b ? new Located<bool>(b, def.UserManagedDependencies!.Value.Span) : null,
            InterpreterPath = def.InterpreterPath?.Located,
            Build = build,
            DockerSourceKey = def.BaseImage?.Key.Span ?? def.BaseDockerfile?.Key.Span ?? def.BuildContext?.Key.Span ?? def.Docker?.Key.Span,
            DockerSources = Sources(("baseImage", def.BaseImage), ("baseDockerfile", def.BaseDockerfile), ("buildContext", def.BuildContext)),
            DockerSectionMissing = def.DockerMap is null,
            UsesDefaultDockerImage = def.Docker is null,
            Registry = Registry(def),
            BaseCondaEnvironment = def.BaseCondaEnvironment?.Located,
            DeprecatedDockerSettings = def.DeprecatedDockerSettings.Select(e => new Located<string>(e.Key.Value, e.Key.Span)).ToList(),
        });
    }

    public void AddStandalone(LoadedFile file)
    {
        switch (file.Kind)
        {
            case DocumentKind.CondaSpec when file.Tree is DocMapping map:
                file.Conda ??= CondaSpecReader.Read(map, file.Problems);
                _environments.Add(new AmlEnvironment(EnvironmentKind.CondaSpec, file.Text.SpanOfLine(1))
                {
                    Conda = file.Conda,
                    Requirements = FollowPipListIncludes(file.Conda, file),
                });
                break;
            case DocumentKind.Requirements when file.Requirements is { } requirements:
                _environments.Add(new AmlEnvironment(EnvironmentKind.Requirements, file.Text.SpanOfLine(1))
                {
                    Requirements = [requirements, .. FollowIncludes(file, requirements)],
                });
                break;
            case DocumentKind.Dockerfile when file.Dockerfile is { } dockerfile:
                var origin = file.Text.SpanOfLine(1);
                _environments.Add(new AmlEnvironment(EnvironmentKind.Dockerfile, origin)
                {
                    Build = new DockerBuild(Path.GetDirectoryName(file.FullPath), origin, dockerfile)
                    {
                        Context = Snapshot(Path.GetDirectoryName(file.FullPath)!, file.FullPath, file.Root, origin),
                    },
                });
                break;
        }
    }

    private CondaSpec? ReadCondaFile(LoadedFile owner, DocScalar path, string what)
    {
        var target = Resolve(owner, path, what, expectDirectory: false);
        return target is null ? null : LoadConda(new Candidate(target, owner.Root, Explicit: false)).Conda;
    }

    /// <summary>Reads a conda file that a definition names (once; it then belongs to that definition), and the loaded file itself.</summary>
    private (CondaSpec? Conda, LoadedFile? File) LoadConda(Candidate candidate)
    {
        var file = loader.Load(candidate, DocumentKind.CondaSpec);
        if (file is null)
        {
            return (null, null);
        }

        file.Claimed = true;
        if (file.Tree is DocMapping map)
        {
            file.Conda ??= CondaSpecReader.Read(map, file.Problems);
        }

        return (file.Conda, file);
    }

    private DockerBuild ReadBuild(LoadedFile owner, DocEntry buildEntry, DocScalar? contextPath, DocScalar? dockerfilePath)
    {
        if (contextPath is null)
        {
            owner.Problems.Add(new ParseProblem(buildEntry.Key.Span, "'build' needs a 'path' to the Docker build context"));
            return new DockerBuild(null, buildEntry.Key.Span, null);
        }

        var context = Resolve(owner, contextPath, "build.path", expectDirectory: true);
        if (context is null)
        {
            return new DockerBuild(null, contextPath.Span, null);
        }

        var relative = dockerfilePath?.Value ?? "Dockerfile";
        var dockerfile = PathUtil.Resolve(context, relative);
        var span = dockerfilePath?.Span ?? contextPath.Span;
        var guarded = dockerfile is null ? default : guard.Inspect(dockerfile, owner.Root);
        var status = PathUtil.IsTemplate(relative) ? ReferenceStatus.NotChecked
            : dockerfile is null ? ReferenceStatus.Missing
            : !PathUtil.IsUnder(dockerfile, context) ? ReferenceStatus.OutsideRoot
            : guarded.IsRefused ? ReferenceStatus.Refused
            : guarded.Status == PathStatus.File ? ReferenceStatus.Exists : ReferenceStatus.Missing;
        _references.Add(new FileReference(span, dockerfilePath is null ? "build.path/Dockerfile" : "build.dockerfile_path", relative, dockerfile, status)
        {
            Refusal = guarded.IsRefused ? guarded.Reason : null,
        });
        Documents.Docker.DockerfileDocument? document = null;
        if (status == ReferenceStatus.Exists)
        {
            var file = loader.Load(new Candidate(dockerfile!, owner.Root, Explicit: false), DocumentKind.Dockerfile);
            if (file is not null)
            {
                file.Claimed = true;
                document = file.Dockerfile;
            }
        }

        return new DockerBuild(context, contextPath.Span, document) { Context = Snapshot(context, dockerfile ?? Path.Combine(context, "Dockerfile"), owner.Root, contextPath.Span) };
    }

    /// <summary>Resolves a path written in <paramref name="owner"/>, records the reference, and returns the full path when it exists inside the root.</summary>
    private string? Resolve(LoadedFile owner, DocScalar path, string what, bool expectDirectory)
    {
        var text = path.Value.Trim();
        if (PathUtil.IsTemplate(text) || PathUtil.IsUrl(text))
        {
            _references.Add(new FileReference(path.Span, what, text, null, ReferenceStatus.NotChecked));
            return null;
        }

        var full = PathUtil.Resolve(Path.GetDirectoryName(owner.FullPath)!, text);
        var guarded = full is null || !PathUtil.IsUnder(full, owner.Root) ? default : guard.Inspect(full, owner.Root);
        var status = full is null ? ReferenceStatus.Missing
            : !PathUtil.IsUnder(full, owner.Root) ? ReferenceStatus.OutsideRoot
            : guarded.IsRefused ? ReferenceStatus.Refused
            : guarded.Status == (expectDirectory ? PathStatus.Directory : PathStatus.File) ? ReferenceStatus.Exists
            : ReferenceStatus.Missing;
        _references.Add(new FileReference(path.Span, what, text, full, status) { Refusal = guarded.IsRefused ? guarded.Reason : null });
        return status == ReferenceStatus.Exists ? full : null;
    }

    /// <summary>
    /// Lists a build context once (breadth-first, capped) and reads its <c>.dockerignore</c>
    /// (BuildKit also honours <c>&lt;Dockerfile&gt;.dockerignore</c> next to the Dockerfile, which wins).
    /// </summary>
    private BuildContextSnapshot Snapshot(string context, string dockerfile, string root, SourceSpan usedAt)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        var directories = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        pending.Enqueue(context);
        var truncated = false;
        while (pending.Count > 0 && !truncated)
        {
            var dir = pending.Dequeue();
            IEnumerable<(string Path, bool IsDirectory)> entries;
            try
            {
                entries = fs.EnumerateEntries(dir).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var (path, isDirectory) in entries)
            {
                if (files.Count + directories.Count >= BuildContextSnapshot.MaxEntries)
                {
                    truncated = true;
                    break;
                }

                var relative = PathUtil.ToDisplay(Path.GetRelativePath(context, path));
                if (isDirectory)
                {
                    if (Path.GetFileName(path) != ".git")
                    {
                        directories.Add(relative);
                        pending.Enqueue(path);
                    }
                }
                else
                {
                    files.Add(relative);
                }
            }
        }

        var ignore = ReadIgnoreFile(dockerfile + ".dockerignore", root, usedAt) ?? ReadIgnoreFile(Path.Combine(context, ".dockerignore"), root, usedAt);
        return new BuildContextSnapshot(PathUtil.Display(context, Path.GetFullPath(fs.CurrentDirectory)), files, directories, truncated, ignore);
    }

    /// <summary>
    /// A <c>.dockerignore</c>, read through the guard; missing or unreadable is none. A refused one is a PG114 finding
    /// on the line that uses the build context, so a link planted there is reported, never read.
    /// </summary>
    private SourceText? ReadIgnoreFile(string path, string root, SourceSpan usedAt)
    {
        var read = guard.Read(path, root, DocumentLoader.MaxFileBytes);
        var display = PathUtil.Display(path, Path.GetFullPath(fs.CurrentDirectory));
        if (read.Path.IsRefused)
        {
            _references.Add(new FileReference(usedAt, "the build context's", display, path, ReferenceStatus.Refused) { Refusal = read.Path.Reason });
        }

        return read.Bytes is { } bytes ? new SourceText(display, TextDecoder.Decode(bytes).Text) : null;
    }

    /// <summary>The loaded conda file a <c>conda_file:</c> path names (already read by <see cref="ReadCondaFile"/>).</summary>
    private LoadedFile? ResolvedCondaFile(LoadedFile owner, DocScalar path)
    {
        var text = path.Value.Trim();
        if (PathUtil.IsTemplate(text) || PathUtil.IsUrl(text))
        {
            return null;
        }

        var full = PathUtil.Resolve(Path.GetDirectoryName(owner.FullPath)!, text);
        return full is not null && PathUtil.IsUnder(full, owner.Root) && guard.Inspect(full, owner.Root).Status == PathStatus.File
            ? loader.Load(new Candidate(full, owner.Root, Explicit: false))
            : null;
    }

    /// <summary>The files that <c>-r</c>/<c>-c</c> lines of a conda spec's pip list include (paths relative to the conda file).</summary>
    private List<Documents.Pip.RequirementsDocument> FollowPipListIncludes(CondaSpec? conda, LoadedFile? owner) =>
        conda?.Pip is { } pip && owner is not null ? FollowIncludes(owner, pip.Requirements) : [];

    /// <summary>Follows <c>-r</c>/<c>-c</c> includes depth-first; each file is read once (the loader caches), cycles stop.</summary>
    private List<Documents.Pip.RequirementsDocument> FollowIncludes(LoadedFile owner, Documents.Pip.RequirementsDocument document)
    {
        var result = new List<Documents.Pip.RequirementsDocument>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { owner.FullPath };
        var pending = new Stack<(LoadedFile Owner, Documents.Pip.RequirementsDocument Document)>();
        pending.Push((owner, document));
        while (pending.Count > 0)
        {
            var (from, doc) = pending.Pop();
            foreach (var include in doc.Includes)
            {
                var what = include.IsConstraint ? "-c" : "-r";
                if (PathUtil.IsAbsolute(include.Path.Value))
                {
                    // pip opens it where it runs: inside the image being built, where a Dockerfile may have copied it
                    // (azureml-assets: 'COPY pip_constraints.txt /pip_constraints.txt' + '-c /pip_constraints.txt').
                    _references.Add(new FileReference(include.Path.Span, what, include.Path.Value, null, ReferenceStatus.NotChecked));
                    continue;
                }

                var path = new DocScalar(include.Path.Value, ScalarKind.String, false, include.Path.Span);
                var target = Resolve(from, path, what, expectDirectory: false);
                if (target is null || !visited.Add(target))
                {
                    continue;
                }

                var file = loader.Load(new Candidate(target, from.Root, Explicit: false), DocumentKind.Requirements);
                if (file?.Requirements is { } included)
                {
                    file.Claimed = true;
                    result.Add(included);
                    pending.Push((file, included));
                }
            }
        }

        return result;
    }

    private static CondaSpec? Problem(LoadedFile file, SourceSpan span, string message)
    {
        file.Problems.Add(new ParseProblem(span, message));
        return null;
    }
}

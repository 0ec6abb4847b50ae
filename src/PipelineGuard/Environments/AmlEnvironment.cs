using PipelineGuard.Model;

namespace PipelineGuard.Environments;

/// <summary>
/// One Azure ML environment, whatever form it was written in. Every input kind resolves into this
/// model, so each rule is written once. Values keep the span of the token they were read from.
/// </summary>
/// <remarks>
/// It lives above <c>Documents/</c> (not in <c>Model/</c>) because it holds parsed documents
/// (Dockerfile, requirement files); <c>Model/</c> stays free of dependencies.
/// </remarks>
internal sealed record AmlEnvironment(EnvironmentKind Kind, SourceSpan Origin)
{
    public Located<string>? Name { get; init; }

    /// <summary>The base image (v2 <c>image</c>, v1 <c>docker.baseImage</c>).</summary>
    public Located<string>? Image { get; init; }

    public CondaSpec? Conda { get; init; }

    public Located<bool>? UserManagedDependencies { get; init; }

    public Located<string>? InterpreterPath { get; init; }

    /// <summary>The Docker build of the environment (v2 <c>build</c>, v1 <c>buildContext</c>/<c>baseDockerfile</c>), or a stand-alone Dockerfile.</summary>
    public DockerBuild? Build { get; init; }

    /// <summary>Where the definition names its Docker source: <c>image</c>, <c>build</c>, <c>baseImage</c>, … (for PG105/PG120).</summary>
    public SourceSpan? DockerSourceKey { get; init; }

    /// <summary>pip requirement files of the environment: a stand-alone file, and what <c>-r</c>/<c>-c</c> include.</summary>
    public IReadOnlyList<Documents.Pip.RequirementsDocument> Requirements { get; init; } = [];

    /// <summary>The Docker sources the definition names, by key (v2 <c>image</c>/<c>build</c>; v1 <c>baseImage</c>/<c>baseDockerfile</c>/<c>buildContext</c>), for PG120.</summary>
    public IReadOnlyList<Located<string>> DockerSources { get; init; } = [];

    /// <summary>The <c>conda_file</c> key of a v2 definition (PG120: not allowed together with <c>build</c>).</summary>
    public SourceSpan? CondaFileKey { get; init; }

    /// <summary>v1: the <c>docker</c> section is absent or null (the guide's "Missing Docker definition").</summary>
    public bool DockerSectionMissing { get; init; }

    /// <summary>
    /// v1: no <c>docker</c> key at all. azureml-core's <c>Environment</c> then keeps its default <c>DockerSection</c>,
    /// whose <c>base_image</c> is <c>DEFAULT_CPU_IMAGE</c>, so the environment builds; only an explicit
    /// <c>"docker": null</c> leaves it without one.
    /// </summary>
    public bool UsesDefaultDockerImage { get; init; }

    /// <summary>v1 <c>docker.baseImageRegistry</c>, when it holds anything.</summary>
    public RegistryCredentials? Registry { get; init; }

    /// <summary>v1 <c>python.baseCondaEnvironment</c>.</summary>
    public Located<string>? BaseCondaEnvironment { get; init; }

    /// <summary>v1 deprecated <c>docker</c> settings given a value other than their default (key name and span).</summary>
    public IReadOnlyList<Located<string>> DeprecatedDockerSettings { get; init; } = [];

    /// <summary>Everything pip installs: the conda spec's <c>pip:</c> list first, then the requirement files.</summary>
    public IEnumerable<Documents.Pip.RequirementsDocument> PipRequirements =>
        Conda?.Pip is { } pip ? Requirements.Prepend(pip.Requirements) : Requirements;

    public bool HasCustomDocker => Image is not null || Build is not null;
}

using PipelineGuard.Model;

namespace PipelineGuard.Rules;

/// <summary>
/// Every rule PipelineGuard runs, in ID order. The lists are written out, not found by reflection: a scan of the
/// assembly's types cost a quarter of a one-file check's start-up (docs/performance.md). A test checks that every
/// <see cref="IRule"/> and <see cref="Logs.ILogRule"/> class of the assembly is listed exactly once, in ID order, and
/// that each has a page in docs/rules/.
/// </summary>
internal static class RuleCatalog
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new Conda.PipNotDeclared(),
        new Conda.PipUnpinned(),
        new Conda.PipResolverLoopRisk(),
        new Conda.CondaTooOld(),
        new Environment.UserManagedDependenciesConflict(),
        new Pip.DependencyUnpinned(),
        new Pip.HashPinningIncomplete(),
        new Pip.CondaPipOverlap(),
        new Images.InvalidImageReference(),
        new Images.FloatingImageTag(),
        new Python.PythonUnpinned(),
        new Pip.PipTimeoutNotRaised(),
        new Documents.InvalidDocument(),
        new Documents.MissingReferencedFile(),
        new Registry.PlaintextRegistryCredentials(),
        new Pip.ExtraIndexUrl(),
        new Pip.ConflictingPins(),
        new Docker.DockerfilePipUnpinned(),
        new Environment.ReservedEnvironmentName(),
        new Environment.DockerSourceConflict(),
        new Images.DeprecatedBaseImage(),
        new Pip.InvalidPipRequirement(),
        new Python.MultiplePythonVersions(),
        new Python.PythonVersionUnsupported(),
        new Conda.ChannelsMissing(),
        new Environment.BaseCondaEnvironment(),
        new Registry.RegistryCredentialsIncomplete(),
        new Environment.DeprecatedDockerSetting(),
        new Docker.DockerfileTooLarge(),
        new Docker.UnquotedSpecInShell(),
        new Docker.CopySourceMissing(),
        new Docker.InvalidDockerfileInstruction(),
        new Pip.InvalidWheelFilename(),
        new Conda.PipIncompatibleWithPython(),
    ];

    /// <summary>Every build-log rule (PG3xx), in ID order. Built on first use: a run without a build log never needs them.</summary>
    public static IReadOnlyList<Logs.ILogRule> LogRules => LazyLogRules.Value;

    /// <summary>Rules whose findings a stage of the engine makes, not a rule class: PG134, made by the suppression stage.</summary>
    public static IReadOnlyList<RuleInfo> StageRules { get; } = [Documents.UnusedSuppression.Rule];

    /// <summary>PG201: a pip package that the configured index does not have (run by <c>check --online</c>).</summary>
    public static readonly RuleInfo PackageNotOnIndex = new("PG201", "package-not-on-index", Severity.Error,
        "A pip package does not exist on the package index the environment uses (misspelt, private or unpublished).");

    /// <summary>PG202: a pinned pip version the index does not have (yanked: a warning).</summary>
    public static readonly RuleInfo VersionNotOnIndex = new("PG202", "version-not-on-index", Severity.Error,
        "A pinned pip version does not exist on the package index (a yanked one: warning).");

    /// <summary>PG203: no wheel for the environment's Python and platform, and no sdist.</summary>
    public static readonly RuleInfo NoCompatibleDistribution = new("PG203", "no-compatible-distribution", Severity.Error,
        "The pinned pip version has no wheel for the environment's Python and platform and no sdist, or its Requires-Python excludes that Python.");

    /// <summary>PG204: a conda package or pinned version that none of the environment's channels has.</summary>
    public static readonly RuleInfo CondaPackageNotOnChannels = new("PG204", "conda-package-not-on-channels", Severity.Error,
        "A conda package or pinned version is in none of the listed channels for linux-64 or noarch.");

    /// <summary>PG205: a base image tag or digest that its registry does not have.</summary>
    public static readonly RuleInfo ImageTagNotFound = new("PG205", "image-tag-not-found", Severity.Error,
        "A pinned base image tag or digest does not exist in its registry.");

    /// <summary>
    /// The online rules (PG2xx). They run in PipelineGuard.Online, loaded only by <c>check --online</c>, after the static
    /// rules; they are described here so that <c>explain</c>, the configuration and the reporters know them without
    /// loading it. They are not in <see cref="Infos"/>, which lists what a plain check runs.
    /// </summary>
    public static IReadOnlyList<RuleInfo> OnlineRules { get; } =
        [PackageNotOnIndex, VersionNotOnIndex, NoCompatibleDistribution, CondaPackageNotOnChannels, ImageTagNotFound];

    /// <summary>Every rule's description: the static rules, the build-log rules (run by the log diagnoser) and the stage rules.</summary>
    public static IReadOnlyList<RuleInfo> Infos => LazyInfos.Value;

    private static readonly Lazy<IReadOnlyList<Logs.ILogRule>> LazyLogRules = new(() =>
    [
        new Logs.NetworkTimeout(),
        new Logs.CondaPackageNotFound(),
        new Logs.PipPackageNotFound(),
        new Logs.PipCannotUninstall(),
        new Logs.PipNotDeclaredWarning(),
        new Logs.HashMismatch(),
        new Logs.PipResolverLoop(),
        new Logs.CondaLockHeld(),
        new Logs.RegistryUnauthorized(),
        new Logs.RegistryUnreachable(),
        new Logs.StorageForbidden(),
        new Logs.CondaUnsatisfiable(),
        new Logs.PipDependencyConflict(),
        new Logs.InvalidPipRequirementInLog(),
        new Logs.CompileFailed(),
        new Logs.OutOfMemory(),
        new Logs.CondaSolveTimeout(),
        new Logs.PythonIncompatible(),
        new Logs.CommandNotFound(),
        new Logs.DockerfileBuildError(),
        new Logs.AptGetFailed(),
        new Logs.InteractiveAuth(),
        new Logs.ImagePushFailed(),
        new Logs.ImageNotFound(),
        new Logs.RequirementsFileMissing(),
        new Logs.DiskFull(),
        new Logs.CondaInvalidSpec(),
        new Logs.CondaLinkFailed(),
        new Logs.Utf8DecodingError(),
        new Logs.MakeNoTargets(),
        new Logs.ModuleNotFoundDuringInstall(),
    ]);

    private static readonly Lazy<IReadOnlyList<RuleInfo>> LazyInfos = new(() =>
        [.. All.Select(r => r.Info).Concat(LogRules.Select(r => r.Info)).Concat(StageRules).OrderBy(i => i.Id, StringComparer.Ordinal)]);

    public static RuleInfo? Find(string id) =>
        Infos.Concat(OnlineRules).FirstOrDefault(i => i.Id.Equals(id, StringComparison.OrdinalIgnoreCase) || i.Name.Equals(id, StringComparison.OrdinalIgnoreCase));
}

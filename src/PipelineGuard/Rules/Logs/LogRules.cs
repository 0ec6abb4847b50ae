using PipelineGuard.Model;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// The build-log rules PG301–PG331 (docs/build-logs.md). They are not <see cref="IRule"/>s: they read a build log, not
/// the workspace alone, so <see cref="BuildLogs.BuildLogDiagnoser"/> reports them. Their default severity is the
/// severity of a root cause (<c>error</c>); a recognised signature that is not the root cause of a failing step
/// is reported as a <c>notice</c>.
/// </summary>
internal static class LogRules
{
    public static readonly RuleInfo NetworkTimeout = new("PG301", "network-timeout", Severity.Error,
        "The build lost its connection to a package index or channel (read timeout, connection reset or refused).");

    public static readonly RuleInfo CondaPackageNotFound = new("PG302", "conda-package-not-found", Severity.Error,
        "conda found no package matching a spec in the listed channels.");

    public static readonly RuleInfo PipPackageNotFound = new("PG303", "pip-package-not-found", Severity.Error,
        "pip found no distribution of a requirement on the index.");

    public static readonly RuleInfo PipCannotUninstall = new("PG304", "pip-cannot-uninstall", Severity.Error,
        "pip cannot uninstall a package that distutils (or the OS) installed in the base image.");

    public static readonly RuleInfo PipNotDeclared = new("PG305", "pip-not-declared", Severity.Error,
        "conda warned that the spec has pip packages but does not list pip itself.");

    public static readonly RuleInfo HashMismatch = new("PG306", "hash-mismatch", Severity.Error,
        "pip refused a download whose hash does not match, or a requirement without a hash in hash-checking mode.");

    public static readonly RuleInfo PipResolverLoop = new("PG307", "pip-resolver-loop", Severity.Error,
        "pip's resolver backtracked through many versions (ResolutionTooDeep, or the build timed out while it did).");

    public static readonly RuleInfo CondaLockHeld = new("PG308", "conda-lock-held", Severity.Error,
        "conda waited for, or failed on, a lock held by another conda process.");

    public static readonly RuleInfo RegistryUnauthorized = new("PG309", "registry-unauthorized", Severity.Error,
        "A container registry or package index answered 401 Unauthorized.");

    public static readonly RuleInfo RegistryUnreachable = new("PG310", "registry-unreachable", Severity.Error,
        "A registry could not be reached (host not resolved) or the repository does not exist.");

    public static readonly RuleInfo StorageForbidden = new("PG311", "storage-forbidden", Severity.Error,
        "Workspace storage or a package index answered 403 Forbidden.");

    public static readonly RuleInfo CondaUnsatisfiable = new("PG312", "conda-unsatisfiable", Severity.Error,
        "conda found the specs incompatible with each other (UnsatisfiableError).");

    public static readonly RuleInfo PipDependencyConflict = new("PG313", "pip-dependency-conflict", Severity.Error,
        "pip found conflicting dependencies (ResolutionImpossible).");

    public static readonly RuleInfo InvalidPipRequirementInLog = new("PG314", "invalid-pip-requirement-in-log", Severity.Error,
        "pip rejected a requirement or option as invalid.");

    public static readonly RuleInfo CompileFailed = new("PG315", "compile-failed", Severity.Error,
        "A package had to be compiled from source and the build of its wheel failed.");

    public static readonly RuleInfo OutOfMemory = new("PG316", "out-of-memory", Severity.Error,
        "The build ran out of memory (MemoryError, Killed, exit code 137).");

    public static readonly RuleInfo CondaSolveTimeout = new("PG317", "conda-solve-timeout", Severity.Error,
        "The log ends while conda is still solving the environment.");

    public static readonly RuleInfo PythonIncompatible = new("PG318", "python-incompatible", Severity.Error,
        "A package does not support the environment's Python version.");

    public static readonly RuleInfo CommandNotFound = new("PG319", "command-not-found", Severity.Error,
        "A command run by the build does not exist in the image (exit code 127).");

    public static readonly RuleInfo DockerfileBuildError = new("PG320", "dockerfile-build-error", Severity.Error,
        "Docker could not parse the Dockerfile or find a COPY/ADD source in the build context.");

    public static readonly RuleInfo AptGetFailed = new("PG321", "apt-get-failed", Severity.Error,
        "apt-get could not find, fetch or lock a package (exit code 100).");

    public static readonly RuleInfo InteractiveAuth = new("PG322", "interactive-auth", Severity.Error,
        "pip asked for credentials of a private feed during a non-interactive build.");

    public static readonly RuleInfo ImagePushFailed = new("PG323", "image-push-failed", Severity.Error,
        "The built image could not be pushed to the registry.");

    public static readonly RuleInfo ImageNotFound = new("PG324", "image-not-found", Severity.Error,
        "The base image's tag or digest does not exist (manifest unknown).");

    public static readonly RuleInfo RequirementsFileMissing = new("PG325", "requirements-file-missing", Severity.Error,
        "pip could not open a requirements file that the build context does not contain.");

    public static readonly RuleInfo DiskFull = new("PG326", "disk-full", Severity.Error,
        "The build ran out of disk space (No space left on device, Errno 28).");

    public static readonly RuleInfo CondaInvalidSpec = new("PG327", "conda-invalid-spec", Severity.Error,
        "conda rejected a package spec or version as invalid (InvalidMatchSpec, InvalidVersionSpec).");

    public static readonly RuleInfo CondaLinkFailed = new("PG328", "conda-link-failed", Severity.Error,
        "conda downloaded a package but failed to install (link) it into the environment and rolled back.");

    public static readonly RuleInfo Utf8DecodingError = new("PG329", "utf8-decoding-error", Severity.Error,
        "A file read during the build is not valid UTF-8 (UnicodeDecodeError).");

    public static readonly RuleInfo MakeNoTargets = new("PG330", "make-no-targets", Severity.Error,
        "make ran in a folder without a Makefile and was given no target.");

    public static readonly RuleInfo ModuleNotFoundDuringInstall = new("PG331", "module-not-found-during-install", Severity.Error,
        "A package's build or setup script imports a module that is not installed (ModuleNotFoundError).");

    /// <summary>All log rules in ID order, for <c>pipelineguard rules</c> and <c>explain</c>.</summary>
    public static IReadOnlyList<RuleInfo> All { get; } =
    [
        NetworkTimeout, CondaPackageNotFound, PipPackageNotFound, PipCannotUninstall, PipNotDeclared, HashMismatch,
        PipResolverLoop, CondaLockHeld, RegistryUnauthorized, RegistryUnreachable, StorageForbidden, CondaUnsatisfiable,
        PipDependencyConflict, InvalidPipRequirementInLog, CompileFailed, OutOfMemory, CondaSolveTimeout,
        PythonIncompatible, CommandNotFound, DockerfileBuildError, AptGetFailed, InteractiveAuth, ImagePushFailed,
        ImageNotFound, RequirementsFileMissing, DiskFull, CondaInvalidSpec, CondaLinkFailed, Utf8DecodingError, MakeNoTargets,
        ModuleNotFoundDuringInstall,
    ];

    public static RuleInfo? Find(string idOrName) =>
        All.FirstOrDefault(i => i.Id.Equals(idOrName, StringComparison.OrdinalIgnoreCase) || i.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));
}

namespace PipelineGuard.BuildLogs;

/// <summary>The finer categories a signal falls into; the pip ones match the manifest of the real pip logs in tests/PipelineGuard.Tests/TestData/pip-logs.</summary>
internal static class LogKinds
{
    public const string PackageNotFound = "package-not-found";
    public const string VersionNotFound = "version-not-found";
    public const string NoCompatibleDistribution = "no-compatible-distribution";
    public const string DependencyConflict = "dependency-conflict";
    public const string InstalledConflict = "installed-conflict";
    public const string HashMismatch = "hash-mismatch";
    public const string HashesRequired = "hashes-required";
    public const string NetworkTimeout = "network-timeout";
    public const string CannotUninstall = "cannot-uninstall-distutils";
    public const string RegistryUnauthorized = "registry-unauthorized";
    public const string Forbidden = "forbidden";
    public const string IndexNotFound = "index-not-found";
    public const string RequirementsSyntax = "requirements-syntax";
    public const string RequirementsMissingFile = "requirements-missing-file";
    public const string ResolverBacktracking = "resolver-backtracking";
    public const string ResolutionTooDeep = "resolution-too-deep";
    public const string CondaPackageNotFound = "conda-package-not-found";
    public const string CondaChannelNotFound = "conda-channel-not-found";
    public const string CondaUnsatisfiable = "conda-unsatisfiable";
    public const string PipNotDeclared = "pip-not-declared";
    public const string CondaLock = "conda-lock";
    public const string HostNotResolved = "host-not-resolved";
    public const string RepositoryNotFound = "repository-not-found";
    public const string ImageBuildCompute = "image-build-compute";
    public const string CompileFailed = "compile-failed";
    public const string WheelBuildFailed = "wheel-build-failed";
    public const string OutOfMemory = "out-of-memory";
    public const string SolveTimeout = "conda-solve-timeout";
    public const string PythonIncompatible = "python-incompatible";
    public const string CommandNotFound = "command-not-found";
    public const string DockerfileSyntax = "dockerfile-syntax";
    public const string CopySourceMissing = "copy-source-missing";
    public const string AptFailed = "apt-get-failed";
    public const string InteractiveAuth = "interactive-auth";
    public const string PushFailed = "image-push-failed";
    public const string ImageNotFound = "image-not-found";
    public const string DiskFull = "disk-full";
    public const string CondaInvalidSpec = "conda-invalid-spec";
    public const string CondaLinkFailed = "conda-link-failed";
    public const string Utf8DecodingError = "utf8-decoding-error";
    public const string MakeNoTargets = "make-no-targets";
    public const string ModuleNotFound = "module-not-found";
}

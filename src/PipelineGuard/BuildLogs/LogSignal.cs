using PipelineGuard.Model;

namespace PipelineGuard.BuildLogs;

/// <summary>How much a signature says about why a step failed.</summary>
internal enum Strength
{
    /// <summary>Only explains another signal (pip's "Skipping link: none of the wheel's tags…"); never reported alone.</summary>
    Hidden = 0,

    /// <summary>Context: a retry, a resolver INFO line, a warning. Reported as a notice; a root cause only when nothing else explains a failure.</summary>
    Context = 1,

    /// <summary>A generic failure that a more specific line usually explains (a wheel that failed to build, an exit code).</summary>
    Generic = 2,

    /// <summary>A specific error that fails the step by itself.</summary>
    Decisive = 3,
}

/// <summary>
/// One recognised signature: the rule, a finer <see cref="Kind"/> (e.g. <c>version-not-found</c> under PG303), where it is,
/// and what it names: <see cref="Package"/> (as written in the log), a pip-list line (<see cref="RequirementsFile"/>,
/// <see cref="RequirementsLine"/>), the package that required it (<see cref="FromPackage"/>), an image or host.
/// </summary>
internal sealed record LogSignal(RuleInfo Rule, string Kind, Strength Strength, LogLine Line, string Message)
{
    public string? Package { get; init; }

    /// <summary>Further packages the message names (both sides of a conflict).</summary>
    public IReadOnlyList<string> OtherPackages { get; init; } = [];

    /// <summary>The requirements file pip cites (<c>-r file (line N)</c>, <c>from line N of file</c>).</summary>
    public string? RequirementsFile { get; init; }

    public int? RequirementsLine { get; init; }

    /// <summary>The requirement that pulled this one in (<c>(from good-package==1.0)</c>).</summary>
    public string? FromPackage { get; init; }

    /// <summary>The requirement text as pip quotes it, e.g. <c>numpy=1.19</c>.</summary>
    public string? RequirementText { get; init; }

    public string? Image { get; init; }

    /// <summary>The host of a registry, index or feed the message names.</summary>
    public string? Host { get; init; }

    public string? Fix { get; init; }

    /// <summary>
    /// The message again, naming a package that another signal of the step names (a compiler error above "Failed building wheel
    /// for X"): set by a rule whose signal names none, so that the ranking never edits a message's text.
    /// </summary>
    public Func<string, string>? NamingPackage { get; init; }

    /// <summary>Signals of one event (the packages of one ResolvePackageNotFound list) share a group and are reported together.</summary>
    public int Group { get; init; }

    public int Count { get; init; } = 1;

    public int Segment => Line.Segment;

    /// <summary>Same rule, kind and subject: repeated lines (retries, BuildKit's error summary) are one signal.</summary>
    public string Key => $"{Rule.Id}|{Kind}|{(Package is null ? null : Documents.Pip.RequirementTargetScanner.Normalize(Package)) ?? Image ?? Host ?? RequirementText ?? Message}";
}

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

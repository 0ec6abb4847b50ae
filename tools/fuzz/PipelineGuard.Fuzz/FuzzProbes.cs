using PipelineGuard.Versioning.Conda;
using PipelineGuard.Versioning.Pep440;

namespace PipelineGuard.Fuzz;

/// <summary>
/// What the targets ask parsed values about: a release, a pre-release and an epoch/local version for the
/// specifier and MatchSpec checks, and a Linux CPython 3.10 environment for markers. Built on first use by a
/// target (never before SharpFuzz starts: the engine is instrumented).
/// </summary>
internal static class FuzzProbes
{
    public static readonly Pep440Version[] Pep440 = [Pep440Version.Parse("1.0"), Pep440Version.Parse("2.0rc1"), Pep440Version.Parse("1!3.1.post2+local.7")];

    public static readonly CondaVersion[] Conda = [CondaVersion.Parse("1.2"), CondaVersion.Parse("3.10.0a1"), CondaVersion.Parse("1!2.0+3")];

    public static readonly Dictionary<string, string> MarkerEnvironment = new(StringComparer.Ordinal)
    {
        ["implementation_name"] = "cpython",
        ["implementation_version"] = "3.10.12",
        ["os_name"] = "posix",
        ["platform_machine"] = "x86_64",
        ["platform_python_implementation"] = "CPython",
        ["platform_release"] = "5.15.0",
        ["platform_system"] = "Linux",
        ["platform_version"] = "#1 SMP",
        ["python_full_version"] = "3.10.12",
        ["python_version"] = "3.10",
        ["sys_platform"] = "linux",
        ["extra"] = "test",
    };
}

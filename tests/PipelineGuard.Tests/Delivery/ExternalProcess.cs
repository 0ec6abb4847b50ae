using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PipelineGuard.Tests.Delivery;

/// <summary>
/// Runs a real program (dotnet, sh, the published pipelineguard) for the delivery tests, with a clean CI
/// environment: nothing of the machine running the tests (GITHUB_*, INPUT_*, TF_BUILD, NO_COLOR) leaks in.
/// </summary>
internal static class ExternalProcess
{
    public sealed record Result(int Code, string Stdout, string Stderr)
    {
        public string Describe() => $"exit {Code}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    /// <summary>The dotnet host running these tests (so a nested build uses the same SDK).</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>The runtime identifier of this machine (linux-x64 on CI), or null where the tests do not publish.</summary>
    public static string? HostRid =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && RuntimeInformation.OSArchitecture == Architecture.X64 ? "linux-x64"
        : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64"
        : null;

    public static Result Run(string program, IReadOnlyDictionary<string, string> env, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("GITHUB_", StringComparison.Ordinal) || k.StartsWith("INPUT_", StringComparison.Ordinal) || k is "TF_BUILD" or "NO_COLOR").ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', args)} did not finish in 10 minutes");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(string program, string workingDirectory, params string[] args) =>
        Run(program, new Dictionary<string, string>(), workingDirectory, args);

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }
}

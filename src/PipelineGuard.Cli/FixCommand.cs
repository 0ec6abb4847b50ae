using PipelineGuard.Engine;
using PipelineGuard.Engine.Fixes;
using PipelineGuard.Model;

namespace PipelineGuard.Cli;

/// <summary>
/// <c>pipelineguard fix [PATH...] [--write]</c>: runs the check and takes its machine-safe fixes (<see cref="FixPlanner"/>).
/// Without <c>--write</c> it prints them as a unified diff and exits 1 when there is one (0 when there is nothing to
/// fix), like <c>ruff check --fix --diff</c>; with <c>--write</c> it writes them, checks again and exits 0. Fixes it
/// leaves alone are listed on standard error with the reason.
/// </summary>
internal static class FixCommand
{
    public static int Run(FixVerb verb, CliConsole console)
    {
        var flags = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [Configuration.SettingKeys.Select] = verb.SelectedRules.Count > 0 ? string.Join(',', verb.SelectedRules) : null,
            [Configuration.SettingKeys.Ignore] = verb.IgnoredRules.Count > 0 ? string.Join(',', verb.IgnoredRules) : null,
        };
        var (settings, _) = SettingsResolver.Load(console, verb.Config, flags);
        var options = new CheckOptions([.. verb.Paths], FailOn: null) { Settings = settings };
        var result = new Checker(console.FileSystem, console.Clock).Run(options);
        var plan = new FixPlanner(console.FileSystem).Plan(result);
        foreach (var skipped in plan.Skipped)
        {
            var span = skipped.Finding.Span;
            console.Error.WriteLine($"{span.File}:{span.Line}:{span.Column}: {skipped.Finding.RuleId}: fix not applied: {skipped.Reason}");
        }

        if (!verb.Write)
        {
            foreach (var file in plan.Files)
            {
                if (file.Encoding.IsUtf8)
                {
                    // '\n' only, whatever the platform: the diff's lines keep the file's own line ends.
                    console.Out.Write(UnifiedPatch.Of(file));
                }
                else
                {
                    console.Error.WriteLine($"{file.Display}: {file.Encoding.Name}, which git diffs as binary: its {Count(file.Edits.Count, "fix", "fixes")} are not shown; --write applies them");
                }
            }

            console.Error.WriteLine(plan.FixCount == 0
                ? "nothing to fix"
                : $"would fix {Count(plan.FixCount, "finding", "findings")} in {Count(plan.Files.Count, "file", "files")}; run with --write to apply");
            return plan.FixCount == 0 ? ExitCodes.Clean : ExitCodes.Findings;
        }

        foreach (var file in plan.Files)
        {
            try
            {
                console.FileSystem.ReplaceAllBytes(file.RealPath, file.FixedBytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot write {file.Display}: {e.Message}");
            }
        }

        var left = plan.FixCount == 0 ? result : new Checker(console.FileSystem, console.Clock).Run(options);
        console.Out.WriteLine($"fixed {Count(plan.FixCount, "finding", "findings")} in {Count(plan.Files.Count, "file", "files")}; {left.Findings.Count} left" +
            (left.Findings.Count(f => f.Fix is not null) is var withFix and > 0 ? $" ({withFix} with a fix that was not applied)" : string.Empty));
        return ExitCodes.Clean;
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}

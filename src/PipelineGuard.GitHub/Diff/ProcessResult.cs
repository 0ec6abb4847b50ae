namespace PipelineGuard.GitHub.Diff;

/// <summary>What a finished child process said. Injected so tests never run git.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

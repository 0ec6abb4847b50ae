namespace PipelineGuard.Cli;

/// <summary>The exit codes of every command, as the README's "Exit codes" table gives them.</summary>
internal static class ExitCodes
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int Usage = 2;
    public const int InternalError = 3;
}

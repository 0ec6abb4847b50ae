namespace PipelineGuard.Cli;

/// <summary>PRODUCT.md §5.</summary>
internal static class ExitCodes
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int Usage = 2;
    public const int InternalError = 3;
}

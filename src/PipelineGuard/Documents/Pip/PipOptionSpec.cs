namespace PipelineGuard.Documents.Pip;

/// <summary>
/// One option a requirements file may use: pip 23.2.1's <c>SUPPORTED_OPTIONS</c> (global) and
/// <c>SUPPORTED_OPTIONS_REQ</c> (per requirement), as defined in <c>cli/cmdoptions.py</c>.
/// </summary>
internal sealed record PipOptionSpec(
    IReadOnlyList<string> LongNames,
    string? ShortName,
    string Dest,
    PipOptionAction Action,
    bool IsPerRequirement,
    IReadOnlyList<string>? Choices = null)
{
    /// <summary>The main long name, e.g. "--index-url" (also for "-i" and "--pypi-url").</summary>
    public string Name => LongNames[0];

    public bool TakesValue => Action != PipOptionAction.Flag;
}

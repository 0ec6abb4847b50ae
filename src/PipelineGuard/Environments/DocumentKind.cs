namespace PipelineGuard.Environments;

/// <summary>What a file was recognised as.</summary>
internal enum DocumentKind
{
    CondaSpec,
    AzureMlV2,
    AzureMlV1,
    JobWithInlineEnvironment,
    Dockerfile,
    Requirements,

    /// <summary>A file that could not be read or parsed, so its kind is only guessed from its name.</summary>
    Unreadable,
}

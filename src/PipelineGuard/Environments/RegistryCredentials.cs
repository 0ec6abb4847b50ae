using PipelineGuard.Model;

namespace PipelineGuard.Environments;

/// <summary>
/// Credentials for the base image's registry as written in a v1 definition. Values are kept with their spans so
/// rules can point at them; a secret's value must never be copied into a message.
/// </summary>
internal sealed record RegistryCredentials(
    SourceSpan Key,
    Located<string>? Address,
    Located<string>? Username,
    Located<string>? Password,
    SourceSpan? RegistryIdentity);

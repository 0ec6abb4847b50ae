namespace PipelineGuard.Configuration;

/// <summary>An invalid configuration: exit 2, with the file, line and key named in the message.</summary>
internal sealed class ConfigurationError(string message) : Exception(message);

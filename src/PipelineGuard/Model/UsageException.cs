namespace PipelineGuard.Model;

/// <summary>A problem with what the user asked for (a missing path, a file of no known kind): exit code 2, one line on standard error.</summary>
internal sealed class UsageException(string message) : Exception(message);

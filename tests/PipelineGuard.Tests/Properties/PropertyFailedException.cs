namespace PipelineGuard.Tests.Properties;

/// <summary>A broken property; thrown (not asserted) so CsCheck can shrink on any thread and report the minimal input.</summary>
public sealed class PropertyFailedException : Exception
{
    public PropertyFailedException()
    {
    }

    public PropertyFailedException(string message)
        : base(message)
    {
    }

    public PropertyFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace PipelineGuard.Versioning.Pep508;

/// <summary>Raised by <see cref="MarkerExpression.Evaluate"/> where packaging raises UndefinedComparison / UndefinedEnvironmentName.</summary>
internal sealed class MarkerEvaluationException : Exception
{
    public MarkerEvaluationException()
    {
    }

    public MarkerEvaluationException(string message)
        : base(message)
    {
    }

    public MarkerEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace PipelineGuard.Analysis;

/// <summary>Who reads a pin: conda, pip as a requirement, or pip as a constraint (<c>-c</c>).</summary>
internal enum PinOrigin
{
    Conda,
    Pip,
    PipConstraint,
}

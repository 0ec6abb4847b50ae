using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Conda;
using PipelineGuard.Versioning.Pep440;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Analysis;

/// <summary>Who reads a pin: conda, pip as a requirement, or pip as a constraint (<c>-c</c>).</summary>
internal enum PinOrigin
{
    Conda,
    Pip,
    PipConstraint,
}

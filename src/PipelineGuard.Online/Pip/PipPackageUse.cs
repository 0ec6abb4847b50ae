using PipelineGuard.Documents.Pip;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Pep440;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Online.Pip;

/// <summary>
/// One named pip requirement of an environment, with the indexes pip would search for it and the Python it installs
/// for (when the environment pins one). <see cref="Pin"/> is the version of an exact <c>==</c> pin, else null.
/// </summary>
internal sealed record PipPackageUse(
    RequirementLine Line,
    Pep508Requirement Requirement,
    IReadOnlyList<string> Indexes,
    (int Major, int Minor)? Python,
    string? PythonFull)
{
    public string Name => Requirement.NormalizedName;

    public Pep440Version? Pin =>
        Requirement.Specifier is { IsExactPin: true } set && set.Specifiers[0] is { Operator: SpecifierOperator.Equal, Version: { } version } ? version : null;

    /// <summary>The package name as written.</summary>
    public SourceSpan NameSpan => Line.SpanOf(Requirement.NameSpan.Offset, Requirement.NameSpan.Length);

    /// <summary>The whole requirement as written, for findings about its version (<c>mlflow-skinny==9.9.9</c>).</summary>
    public SourceSpan RequirementSpan
    {
        get
        {
            var text = Line.Requirement.Value;
            var end = Requirement.SpecifierSpan?.End ?? Requirement.NameSpan.End;
            return Line.SpanOf(0, Math.Min(end, text.TrimEnd().Length));
        }
    }
}

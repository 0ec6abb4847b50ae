using PipelineGuard.Documents.Pip;
using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Conda;
using PipelineGuard.Versioning.Pep440;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Analysis;

/// <summary>
/// A package pinned to one exact version somewhere in an environment.
/// </summary>
/// <param name="Key">The name compared across tools: PEP 503 normalised (conda names are lower case already).</param>
/// <param name="Version">The version without its operator (<c>=</c>, <c>==</c>, <c>===</c>).</param>
/// <param name="Written">The entry as written, for messages.</param>
/// <param name="Marker">The PEP 508 environment marker, if any: pins under different markers never meet.</param>
/// <param name="CondaSpec">conda's own version spec, for conda pins.</param>
internal sealed record ExactPin(
    string Key,
    string Name,
    string Version,
    string Written,
    SourceSpan Span,
    PinOrigin Origin,
    string? Marker,
    CondaVersionSpec? CondaSpec)
{
    // Parsed once: AgreesWith runs for every pair of pins of one name.
    private readonly Pep440Version? _pep440 = Pep440Version.TryParse(Version, out var v) ? v : null;
    private readonly CondaVersion? _conda = CondaVersion.TryParse(Version, out var c, out _) ? c : null;

    /// <summary>Every exact pin of the environment: conda dependencies first, then pip entries in install order.</summary>
    public static IEnumerable<ExactPin> Of(AmlEnvironment environment)
    {
        foreach (var dependency in environment.Conda?.Dependencies ?? [])
        {
            if (dependency.Spec is { IsExactPin: true, VersionText: { } text } spec && !IsTemplate(text))
            {
                var version = text.Trim().TrimStart('=');
                yield return new ExactPin(Pep508Requirement.Normalize(spec.Name), spec.Name, version, dependency.Text.Value.Trim(),
                    dependency.ValueSpan, PinOrigin.Conda, null, spec.Version);
            }
        }

        foreach (var source in PipSources.Of(environment))
        {
            foreach (var requirement in source.Document.Requirements)
            {
                if (FromPip(requirement, source.IsConstraint) is { } pin)
                {
                    yield return pin;
                }
            }
        }
    }

    private static ExactPin? FromPip(RequirementLine requirement, bool isConstraint)
    {
        var text = requirement.Requirement.Value;
        if (requirement.Kind != RequirementKind.Named || requirement.IsEditable || IsTemplate(text) ||
            !Pep508Requirement.TryParse(text, out var parsed, out _) || parsed.Url is not null || !parsed.Specifier.IsExactPin)
        {
            return null;
        }

        var written = text.Trim();
        var marker = parsed.Marker?.ToString();
        return new ExactPin(parsed.NormalizedName, parsed.Name, parsed.Specifier.Specifiers[0].VersionText, written,
            requirement.SpanOf(0, text.TrimEnd().Length), isConstraint ? PinOrigin.PipConstraint : PinOrigin.Pip, marker, null);
    }

    private static bool IsTemplate(string text) => text.Contains("{{", StringComparison.Ordinal) || text.Contains('$', StringComparison.Ordinal);

    /// <summary>
    /// Whether one install can satisfy both pins. Versions compare as versions: PEP 440 first (<c>1.3.5</c> is
    /// <c>1.3.5.0</c>; <c>==2.0.1</c> admits <c>2.0.1+cu118</c> because a specifier without a local label ignores
    /// it), then conda's order; a conda <c>=V</c> admits <c>V.*</c> (conda's fuzzy match), so <c>numpy=1.26</c>
    /// agrees with <c>numpy==1.26.4</c>.
    /// </summary>
    public bool AgreesWith(ExactPin other)
    {
        if (_pep440 is { } mine && other._pep440 is { } theirs)
        {
            if (mine == theirs || (mine.Local is null != theirs.Local is null && mine.WithoutLocal() == theirs.WithoutLocal()))
            {
                return true;
            }
        }

        var (condaMine, condaTheirs) = (_conda, other._conda);
        if ((condaMine is not null && condaTheirs is not null && condaMine.Equals(condaTheirs)) ||
            (CondaSpec is { } spec && condaTheirs is not null && spec.Contains(condaTheirs)) ||
            (other.CondaSpec is { } otherSpec && condaMine is not null && otherSpec.Contains(condaMine)))
        {
            return true;
        }

        return string.Equals(Version, other.Version, StringComparison.OrdinalIgnoreCase);
    }
}

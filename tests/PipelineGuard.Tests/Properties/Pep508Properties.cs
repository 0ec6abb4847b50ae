using CsCheck;
using PipelineGuard.Versioning.Pep508;
using static PipelineGuard.Tests.Properties.PropertyGen;

namespace PipelineGuard.Tests.Properties;

/// <summary>PEP 508 requirements and markers: never throw, spans inside the input, str() parses back to the same requirement.</summary>
public sealed class Pep508Properties
{
    private static readonly string[] MarkerTokens =
    [
        "python_version", "python_full_version", "os_name", "sys_platform", "platform_machine", "extra", "os.name", "implementation_name",
        " ", " ", "==", "!=", "<", ">=", "~=", "===", " in ", " not in ", "'3.8'", "\"3.10\"", "'nt'", "\"linux\"", "'test'", "'x86_64'",
        "''", " and ", " or ", "(", ")", "'", "\"",
    ];

    private static readonly string[] RequirementTokens =
    [
        "numpy", "req-uests", "a.b", "A_b", "x", "[", "]", ",", "security", "socks", ">=1.0", "==2.*", "~=1.4.2", "!=1.5", "<3", "===1.0",
        "=1.0", "(", ")", " ", " ", ";", "; ", "@", " @ ", "https://x.invalid/p-1.0.whl", "file:///tmp/p", "1.0", ".post1", "rc1",
    ];

    private static readonly Gen<string> Comparison = Gen.Select(
        Gen.OneOf("python_version", "python_full_version", "os_name", "sys_platform", "platform_machine", "extra", "os.name", "implementation_name"),
        Gen.OneOf("==", "!=", "<", ">=", "~=", "===", " in ", " not in ", " == "),
        Gen.OneOf("'3.8'", "\"3.10\"", "'nt'", "\"linux\"", "'test'", "'x86_64'", "''", "'3.*'", "'cpython'"),
        Gen.Int[0, 4],
        (variable, op, value, order) => order == 0 ? value + op + variable : variable + op + value);

    private static readonly Gen<string> WellFormedMarkers = Gen.Select(
        Comparison.Array[1, 4], Gen.OneOf(" and ", " or ", " and ", "and"), Gen.Int[0, 3],
        (atoms, joiner, group) => group == 0 ? $"({string.Join(joiner, atoms)}) or {atoms[0]}" : string.Join(joiner, atoms));

    private static readonly Gen<string> Markers = NearlyValid(WellFormedMarkers, MarkerTokens, "()'\"<>=!~ .abcnotx39");

    private static readonly Gen<string> WellFormedRequirements = Gen.Select(
        Gen.OneOf("numpy", "req-uests", "a.b", "A_b", "x", "Scikit_Learn"),
        Gen.OneOf("", "", "[security]", "[security,socks]", "[ a , b ]", "[]"),
        Gen.OneOf("", ">=1.0", "==2.*", "~=1.4.2,!=1.5", "<3,>=2.0rc1", "===1.0", " (>=1.0, <2)", "(==1.0)", " @ https://x.invalid/p-1.0.whl", "@file:///tmp/p"),
        Gen.Frequency((3, Gen.Const(string.Empty)), (2, WellFormedMarkers.Select(m => "; " + m)), (1, WellFormedMarkers.Select(m => " ;" + m))),
        (name, extras, specifier, marker) => name + extras + specifier + marker);

    private static readonly Gen<string> Requirements = NearlyValid(WellFormedRequirements, RequirementTokens, "[](),;@ =<>!~.*abcxyz019-_");

    private static readonly Dictionary<string, string> Linux = new(StringComparer.Ordinal)
    {
        ["implementation_name"] = "cpython", ["implementation_version"] = "3.10.12", ["os_name"] = "posix", ["platform_machine"] = "x86_64",
        ["platform_python_implementation"] = "CPython", ["platform_release"] = "5.15.0", ["platform_system"] = "Linux", ["platform_version"] = "#1",
        ["python_full_version"] = "3.10.12", ["python_version"] = "3.10", ["sys_platform"] = "linux", ["extra"] = "test",
    };

    [Test]
    public void A_requirement_never_throws_and_every_span_lies_inside_the_input() =>
        Requirements.Sample(text =>
        {
            if (!Pep508Requirement.TryParse(text, out var requirement, out var error))
            {
                RequireInside(error.Offset, error.Length, text.Length, "error");
                return;
            }

            RequireInside(requirement.NameSpan.Offset, requirement.NameSpan.Length, text.Length, "name");
            Require(text.Substring(requirement.NameSpan.Offset, requirement.NameSpan.Length) == requirement.Name, "the name is not the text at its span");
            foreach (var extra in requirement.Extras)
            {
                RequireInside(extra.Span.Offset, extra.Span.Length, text.Length, $"extra '{extra.Value}'");
            }

            foreach (var span in new[] { requirement.SpecifierSpan, requirement.Url?.Span, requirement.MarkerSpan })
            {
                if (span is { } s)
                {
                    RequireInside(s.Offset, s.Length, text.Length, "span");
                }
            }

            foreach (var specifier in requirement.Specifier.Specifiers)
            {
                RequireInside(specifier.Offset, specifier.Length, text.Length, $"specifier '{specifier}'");
            }
        }, iter: Iterations);

    [Test]
    public void A_formatted_requirement_parses_to_the_same_requirement() =>
        Requirements.Sample(text =>
        {
            if (!Pep508Requirement.TryParse(text, out var requirement, out _))
            {
                return;
            }

            var format = requirement.ToString();
            Require(Pep508Requirement.TryParse(format, out var again, out var error), $"'{format}' does not parse: {error?.Message}");
            Require(again.ToString() == format, $"'{format}' formats as '{again}'");
            Require(again.NormalizedName == requirement.NormalizedName && again.Url?.Value == requirement.Url?.Value, $"'{format}' names another project");
            Require(Evaluate(again.Marker) == Evaluate(requirement.Marker), $"the marker of '{format}' evaluates differently");
        }, iter: Iterations);

    [Test]
    public void A_marker_never_throws_and_its_formatted_form_evaluates_the_same() =>
        Markers.Sample(text =>
        {
            if (!MarkerParser.TryParse(text, out var marker, out var error))
            {
                RequireInside(error!.Offset, error.Length, text.Length, "error");
                return;
            }

            RequireInside(marker.Span.Offset, marker.Span.Length, text.Length, "marker span");
            var format = marker.ToString();
            Require(MarkerParser.TryParse(format, out var again, out var error2), $"'{format}' does not parse: {error2?.Message}");
            Require(again.ToString() == format, $"'{format}' formats as '{again}'");
            Require(Evaluate(again) == Evaluate(marker), $"'{format}' evaluates differently");
        }, iter: Iterations);

    /// <summary>The result, or the error text: both must survive formatting.</summary>
    private static string Evaluate(MarkerExpression? marker)
    {
        if (marker is null)
        {
            return "none";
        }

        return marker.TryEvaluate(Linux, out var result, out var error) ? result.ToString() : "error: " + error;
    }
}

using CsCheck;
using PipelineGuard.Versioning.Pep440;
using static PipelineGuard.Tests.Properties.PropertyGen;

namespace PipelineGuard.Tests.Properties;

/// <summary>PEP 440 versions and specifier sets: never throw, errors inside the input, the normal form parses back to the same value.</summary>
public sealed class Pep440Properties
{
    internal static readonly string[] VersionTokens =
    [
        "0", "1", "2", "9", "10", "007", "2024", ".", ".", ".", "!", "a", "b", "c", "rc", "alpha", "beta", "pre", "preview", "post", "rev", "r",
        "dev", "-", "_", "+", "local", "ubuntu", "v", "V", " ", "*", "x", "RC", "Post",
    ];

    private static readonly Gen<string> Written = Gen.Select(
        Gen.OneOf("", "", "", "v", " ", "1!", "2!"),
        Release,
        Gen.OneOf("", "", "a1", "b2", "rc0", "alpha", "-beta3", ".pre1", "c1", "RC2", "preview"),
        Gen.OneOf("", "", ".post1", "-1", "post", "_rev2", ".r3"),
        Gen.OneOf("", "", ".dev0", "dev", "-dev5"),
        Gen.OneOf("", "", "", "+local", "+ubuntu.1", "+1-a_B", "+007"),
        (prefix, release, pre, post, dev, local) => prefix + release + pre + post + dev + local);

    internal static readonly Gen<string> Versions = NearlyValid(Written, VersionTokens, "0123456789.!+-_abcdeilmnoprstuvx* \t");

    private static readonly string[] SpecifierTokens = ["==", "!=", "<=", ">=", "<", ">", "~=", "===", ",", ",", ".*", " "];

    private static readonly Gen<string> Specifier = Gen.Select(
        Gen.OneOf("==", "!=", "<=", ">=", "<", ">", "~=", "===", "== "), Written, Gen.OneOf("", "", "", ".*"),
        (op, version, wildcard) => op + version + wildcard);

    private static readonly Gen<string> SpecifierSets = NearlyValid(
        Gen.Select(Specifier.Array[0, 3], Gen.OneOf(",", ", ", " ,"), (items, comma) => string.Join(comma, items)),
        [.. SpecifierTokens, .. VersionTokens], "=<>!~,.*0123456789 abc");

    private static readonly Pep440Version[] Probes =
        [.. new[] { "0", "1.0", "1.0.0", "1.0a1", "1.0.post1", "1.0.dev0", "1!0", "2.0", "2.0rc1", "1.0+local", "10" }.Select(Pep440Version.Parse)];

    [Test]
    public void A_version_never_throws_and_its_error_lies_inside_the_input() =>
        Versions.Sample(text =>
        {
            if (!Pep440Version.TryParse(text, out _, out var error))
            {
                RequireInside(error.Offset, 0, text.Length, "error offset");
            }
        }, iter: Iterations);

    [Test]
    public void A_normalised_version_parses_to_the_same_version() =>
        Versions.Sample(text =>
        {
            if (!Pep440Version.TryParse(text, out var version, out _))
            {
                return;
            }

            var normal = version.ToString();
            Require(Pep440Version.TryParse(normal, out var again, out var error), $"'{normal}' does not parse: {error?.Message}");
            Require(again == version && again.CompareTo(version) == 0 && again.GetHashCode() == version.GetHashCode(), $"'{normal}' is another version");
            Require(again.ToString() == normal, $"'{normal}' normalises to '{again}'");
        }, iter: Iterations);

    [Test]
    public void A_specifier_set_never_throws_and_its_positions_lie_inside_the_input() =>
        SpecifierSets.Sample(text =>
        {
            if (Pep440SpecifierSet.TryParse(text, out var set, out var error))
            {
                foreach (var specifier in set.Specifiers)
                {
                    RequireInside(specifier.Offset, specifier.Length, text.Length, $"specifier '{specifier}'");
                    RequireInside(specifier.VersionOffset, specifier.VersionText.Length, text.Length, $"version of '{specifier}'");
                }
            }
            else
            {
                RequireInside(error.Offset, error.Length, text.Length, "error");
            }
        }, iter: Iterations);

    [Test]
    public void A_formatted_specifier_set_parses_to_the_same_set() =>
        SpecifierSets.Sample(text =>
        {
            if (!Pep440SpecifierSet.TryParse(text, out var set, out _))
            {
                return;
            }

            var format = set.ToString();
            Require(Pep440SpecifierSet.TryParse(format, out var again, out var error), $"'{format}' does not parse: {error?.Message}");
            Require(again.ToString() == format, $"'{format}' formats as '{again}'");
            foreach (var probe in Probes)
            {
                Require(again.Contains(probe) == set.Contains(probe), $"'{format}' and the input disagree on {probe}");
            }
        }, iter: Iterations);
}

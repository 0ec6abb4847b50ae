using CsCheck;
using PipelineGuard.Documents.Images;
using PipelineGuard.Model;
using static PipelineGuard.Tests.Properties.PropertyGen;

namespace PipelineGuard.Tests.Properties;

/// <summary>Image references: never throw, positions inside the input, the parts put back together are the input, normalisation is stable.</summary>
public sealed class ImageReferenceProperties
{
    private static readonly string[] Tokens =
    [
        "docker.io", "index.docker.io", "mcr.microsoft.com", "localhost", ":5000", "[::1]", "[fe80::1]", "/", "/", "library", "python",
        "azureml", "openmpi4.1.0-ubuntu20.04", "a", "0", "_", "__", ".", "-", "--", ":", ":", "3.10-slim", "latest", "@", "sha256:",
        new string('a', 64), new string('0', 32), "sha512:", "A", "Z", " ", "\\", "https://", "${BASE}", "{{x}}",
    ];

    private static readonly Gen<string> Components = Gen.Select(
        Gen.OneOf("python", "azureml", "openmpi4.1.0-ubuntu20.04", "a", "x0", "my_team", "a__b", "a--b", "a.b"), Gen.Int[1, 3],
        (name, count) => string.Join('/', Enumerable.Repeat(name, count)));

    private static readonly Gen<string> Written = Gen.Select(
        Gen.OneOf("", "", "docker.io/", "index.docker.io/", "mcr.microsoft.com/", "localhost:5000/", "[::1]:5000/", "my-registry.azurecr.io/", "Host/"),
        Components,
        Gen.OneOf("", "", ":latest", ":3.10-slim", ":v1.0_rc", ":20240101.v1", ":" + new string('t', 128)),
        Gen.OneOf("", "", "@sha256:" + new string('a', 64), "@sha512:" + new string('0', 128), "@md5:" + new string('f', 32)),
        (domain, path, tag, digest) => domain + path + tag + digest);

    private static readonly Gen<string> References = NearlyValid(Written, Tokens, "aA0:/@._-[]$ \t\u00e9");

    [Test]
    public void Parsing_never_throws_and_every_range_lies_inside_the_input() =>
        References.Sample(text =>
        {
            if (ImageReference.TryParse(text, out var reference, out var error))
            {
                foreach (var (range, value, name) in new (TextSpan?, string?, string)[]
                {
                    (reference.DomainRange, reference.WrittenDomain, "domain"), (reference.PathRange, reference.WrittenPath, "path"),
                    (reference.TagRange, reference.Tag, "tag"), (reference.DigestRange, reference.Digest, "digest"),
                })
                {
                    Require(range is null == value is null, $"{name}: range and value disagree");
                    if (range is { } r)
                    {
                        RequireInside(r.Offset, r.Length, text.Length, name);
                        Require(text.Substring(r.Offset, r.Length) == value, $"{name} '{value}' is not the text at its range");
                    }
                }
            }
            else if (error is not null)
            {
                RequireInside(error.Offset, error.Length, text.Length, "error");
            }
        }, iter: Iterations);

    [Test]
    public void The_written_parts_put_back_together_are_the_input() =>
        References.Sample(text =>
        {
            if (!ImageReference.TryParse(text, out var r, out _))
            {
                return;
            }

            var format = (r.WrittenDomain is null ? string.Empty : r.WrittenDomain + "/") + r.WrittenPath +
                         (r.Tag is null ? string.Empty : ":" + r.Tag) + (r.Digest is null ? string.Empty : "@" + r.Digest);
            Require(format == text, $"formatted as '{format}'");
        }, iter: Iterations);

    [Test]
    public void The_normalised_name_parses_to_the_same_reference() =>
        References.Sample(text =>
        {
            if (!ImageReference.TryParse(text, out var r, out _) || r.FullName.Length > ImageReference.NameTotalLengthMax)
            {
                return;
            }

            var normalised = r.FullName + (r.Tag is null ? string.Empty : ":" + r.Tag) + (r.Digest is null ? string.Empty : "@" + r.Digest);
            Require(ImageReference.TryParse(normalised, out var again, out var error), $"'{normalised}' does not parse: {error?.Message}");
            Require(
                (again.Domain, again.Path, again.Tag, again.Digest, again.FamiliarName) == (r.Domain, r.Path, r.Tag, r.Digest, r.FamiliarName),
                $"'{normalised}' parses to {again.FullName}:{again.Tag}@{again.Digest}");
        }, iter: Iterations);
}

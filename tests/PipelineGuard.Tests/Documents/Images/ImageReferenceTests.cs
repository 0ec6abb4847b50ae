using PipelineGuard.Documents.Images;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.Documents.Images;

public sealed class ImageReferenceTests
{
    private static readonly string Sha256 = new('a', 64);

    private static ImageReference Valid(string text)
    {
        Assert.That(ImageReference.TryParse(text, out var reference, out var error), Is.True, () => $"'{text}': {error}");
        return reference!;
    }

    private static ImageReferenceError Invalid(string text)
    {
        Assert.That(ImageReference.TryParse(text, out var reference, out var error), Is.False, () => $"'{text}' parsed as {reference?.FullName}");
        Assert.That(error, Is.Not.Null);
        return error!;
    }

    // text, domain, path (normalised), tag, digest-or-null, familiar name
    [TestCase("python", "docker.io", "library/python", null, "python")]
    [TestCase("python:3.11", "docker.io", "library/python", "3.11", "python")]
    [TestCase("python:3.11-slim-bookworm", "docker.io", "library/python", "3.11-slim-bookworm", "python")]
    [TestCase("ubuntu:latest", "docker.io", "library/ubuntu", "latest", "ubuntu")]
    [TestCase("library/ubuntu:22.04", "docker.io", "library/ubuntu", "22.04", "ubuntu")]
    [TestCase("docker.io/python:3.9", "docker.io", "library/python", "3.9", "python")]
    [TestCase("docker.io/library/python:3.9", "docker.io", "library/python", "3.9", "python")]
    [TestCase("index.docker.io/library/python", "docker.io", "library/python", null, "python")]
    [TestCase("continuumio/miniconda3:24.7.1-0", "docker.io", "continuumio/miniconda3", "24.7.1-0", "continuumio/miniconda3")]
    [TestCase("docker.io/continuumio/miniconda3", "docker.io", "continuumio/miniconda3", null, "continuumio/miniconda3")]
    [TestCase("pytorch/pytorch:2.3.1-cuda12.1-cudnn8-runtime", "docker.io", "pytorch/pytorch", "2.3.1-cuda12.1-cudnn8-runtime", "pytorch/pytorch")]
    [TestCase("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240909.v1", "mcr.microsoft.com", "azureml/openmpi4.1.0-ubuntu22.04", "20240909.v1", "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04")]
    [TestCase("mcr.microsoft.com/azureml/o16n-base/python-slim", "mcr.microsoft.com", "azureml/o16n-base/python-slim", null, "mcr.microsoft.com/azureml/o16n-base/python-slim")]
    [TestCase("myacr.azurecr.io/team/app:1.0", "myacr.azurecr.io", "team/app", "1.0", "myacr.azurecr.io/team/app")]
    [TestCase("localhost/app", "localhost", "app", null, "localhost/app")]
    [TestCase("localhost:5000/a/b:tag", "localhost:5000", "a/b", "tag", "localhost:5000/a/b")]
    [TestCase("registry.example.com:8443/ns/app:v2", "registry.example.com:8443", "ns/app", "v2", "registry.example.com:8443/ns/app")]
    [TestCase("192.168.1.10:5000/app:1", "192.168.1.10:5000", "app", "1", "192.168.1.10:5000/app")]
    [TestCase("[::1]:5000/app:1", "[::1]:5000", "app", "1", "[::1]:5000/app")]
    [TestCase("[2001:db8::1]/app", "[2001:db8::1]", "app", null, "[2001:db8::1]/app")]
    [TestCase("Registry.Example.COM/app", "Registry.Example.COM", "app", null, "Registry.Example.COM/app")]
    [TestCase("my-registry.io/test/image:3.2", "my-registry.io", "test/image", "3.2", "my-registry.io/test/image")]
    [TestCase("a", "docker.io", "library/a", null, "a")]
    [TestCase("a.b", "docker.io", "library/a.b", null, "a.b")]
    [TestCase("a_b__c---d/e.f:_", "docker.io", "a_b__c---d/e.f", "_", "a_b__c---d/e.f")]
    [TestCase("my-user/my-app:1.0.0_rc-1", "docker.io", "my-user/my-app", "1.0.0_rc-1", "my-user/my-app")]
    [TestCase("a/b/c/d/e:X_Y.z", "docker.io", "a/b/c/d/e", "X_Y.z", "a/b/c/d/e")]
    [TestCase("a_b.c/d", "docker.io", "a_b.c/d", null, "a_b.c/d")]
    [TestCase("localhost", "docker.io", "library/localhost", null, "localhost")]
    [TestCase("a:1/2", "a:1", "2", null, "a:1/2")]
    [TestCase("nvcr.io/nvidia/pytorch:24.05-py3", "nvcr.io", "nvidia/pytorch", "24.05-py3", "nvcr.io/nvidia/pytorch")]
    public void Valid_references_are_split_and_normalised(string text, string domain, string path, string? tag, string familiar)
    {
        var reference = Valid(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference.Domain, Is.EqualTo(domain));
            Assert.That(reference.Path, Is.EqualTo(path));
            Assert.That(reference.Tag, Is.EqualTo(tag));
            Assert.That(reference.Digest, Is.Null);
            Assert.That(reference.FamiliarName, Is.EqualTo(familiar));
            Assert.That(reference.FullName, Is.EqualTo($"{domain}/{path}"));
        }
    }

    [TestCase("python@sha256:")]
    [TestCase("python:3.11@sha256:")]
    [TestCase("mcr.microsoft.com/azureml/base@sha256:")]
    [TestCase("localhost:5000/a/b:tag@sha256:")]
    public void Digests_are_accepted_with_or_without_a_tag(string prefix)
    {
        var reference = Valid(prefix + Sha256);
        Assert.That(reference.Digest, Is.EqualTo("sha256:" + Sha256));
        Assert.That(reference.DigestRange, Is.EqualTo(new TextSpan(prefix.Length - "sha256:".Length, 71)));
    }

    [TestCase("sha384", 96)]
    [TestCase("sha512", 128)]
    public void Longer_sha_digests_are_accepted(string algorithm, int hexLength)
    {
        Assert.That(Valid($"app@{algorithm}:{new string('0', hexLength)}").Digest, Does.StartWith(algorithm + ":"));
    }

    [Test]
    public void Each_part_has_its_range_in_the_text()
    {
        var reference = Valid("localhost:5000/a/b:tag@sha256:" + Sha256);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference.DomainRange, Is.EqualTo(new TextSpan(0, 14)));
            Assert.That(reference.WrittenDomain, Is.EqualTo("localhost:5000"));
            Assert.That(reference.PathRange, Is.EqualTo(new TextSpan(15, 3)));
            Assert.That(reference.WrittenPath, Is.EqualTo("a/b"));
            Assert.That(reference.TagRange, Is.EqualTo(new TextSpan(19, 3)));
            Assert.That(reference.DigestRange, Is.EqualTo(new TextSpan(23, 71)));
            Assert.That(reference.NameRange, Is.EqualTo(new TextSpan(0, 18)));
            Assert.That(reference.ToString(), Is.EqualTo(reference.Text));
        }
    }

    [Test]
    public void A_docker_hub_short_name_has_no_written_domain()
    {
        var reference = Valid("python:3.11");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference.WrittenDomain, Is.Null);
            Assert.That(reference.DomainRange, Is.Null);
            Assert.That(reference.WrittenPath, Is.EqualTo("python"));
            Assert.That(reference.PathRange, Is.EqualTo(new TextSpan(0, 6)));
            Assert.That(reference.IsDockerHub, Is.True);
        }
    }

    [Test]
    public void A_128_character_tag_is_the_longest_allowed()
    {
        Assert.That(Valid("app:" + new string('t', 128)).Tag, Has.Length.EqualTo(128));
    }

    [Test]
    public void A_255_character_name_is_the_longest_allowed()
    {
        var name = "a/" + new string('b', 253);
        Assert.That(Valid(name + ":1").WrittenPath, Has.Length.EqualTo(255));
    }

    // text, offset, length, kind
    [TestCase("", 0, 0, "Empty")]
    [TestCase("Python:3.9", 0, 1, "Uppercase")]
    [TestCase("python:3.9 ", 10, 1, "Whitespace")]
    [TestCase(" python", 0, 1, "Whitespace")]
    [TestCase("python 3.9", 6, 1, "Whitespace")]
    [TestCase("python:3.9\t", 10, 1, "Whitespace")]
    [TestCase("mcr.microsoft.com\\azureml\\base", 17, 1, "Backslash")]
    [TestCase("azureml\\base:1", 7, 1, "Backslash")]
    [TestCase("mcr.microsoft.com/AzureML/base", 18, 1, "Uppercase")]
    [TestCase("myacr.azurecr.io/team/MyApp:1", 22, 1, "Uppercase")]
    [TestCase("myUser/app", 2, 1, "Uppercase")]
    [TestCase("a//b", 2, 1, "EmptyPathComponent")]
    [TestCase("mcr.microsoft.com//azureml/base", 18, 1, "EmptyPathComponent")]
    [TestCase("/app", 0, 1, "EmptyPathComponent")]
    [TestCase("app/", 3, 1, "EmptyPathComponent")]
    [TestCase("localhost:5000/", 14, 1, "EmptyPathComponent")]
    [TestCase("a:", 1, 1, "EmptyTag")]
    [TestCase("mcr.microsoft.com/azureml/base:", 30, 1, "EmptyTag")]
    [TestCase("a:-1", 2, 1, "InvalidTag")]
    [TestCase("a:.1", 2, 1, "InvalidTag")]
    [TestCase("a:b:c", 3, 1, "InvalidTag")]
    [TestCase("a:1+2", 3, 1, "InvalidTag")]
    [TestCase("a@", 1, 1, "InvalidDigest")]
    [TestCase("a@sha256:short", 9, 1, "InvalidDigest")]
    [TestCase("a@sha256:abc123", 2, 13, "InvalidDigest")]
    [TestCase("a@sha256", 2, 6, "InvalidDigest")]
    [TestCase("a@1sha:0123456789abcdef0123456789abcdef", 2, 1, "InvalidDigest")]
    [TestCase("a@md5:0123456789abcdef0123456789abcdef", 2, 3, "UnsupportedDigestAlgorithm")]
    [TestCase("a@sha256:0123456789abcdef0123456789abcdef", 2, 39, "InvalidDigest")]
    [TestCase("a@sha256:0123456789abcdef0123456789abcdef@x", 41, 1, "InvalidDigest")]
    [TestCase(":tag", 0, 1, "MissingName")]
    [TestCase("@sha256:0123456789abcdef0123456789abcdef", 0, 1, "MissingName")]
    [TestCase("a..b", 1, 2, "InvalidSeparator")]
    [TestCase("a___b", 1, 3, "InvalidSeparator")]
    [TestCase("a._b", 1, 2, "InvalidSeparator")]
    [TestCase("a-", 1, 1, "InvalidSeparator")]
    [TestCase("-a", 0, 1, "InvalidSeparator")]
    [TestCase("team/_app", 5, 1, "InvalidSeparator")]
    [TestCase("my_registry:5000/app", 2, 1, "InvalidRegistry")]
    [TestCase("registry.io:port/app", 12, 1, "InvalidRegistry")]
    [TestCase("registry.io:/app", 11, 1, "InvalidRegistry")]
    [TestCase("-registry.io/app", 0, 1, "InvalidRegistry")]
    [TestCase("registry-.io/app", 8, 1, "InvalidRegistry")]
    [TestCase("registry..io/app", 9, 1, "InvalidRegistry")]
    [TestCase("[::g]:5000/app", 3, 1, "InvalidRegistry")]
    [TestCase("https://mcr.microsoft.com/azureml/base", 0, 8, "UrlScheme")]
    [TestCase("docker://python:3.9", 0, 9, "UrlScheme")]
    [TestCase("python:3.9!", 10, 1, "InvalidCharacter")]
    [TestCase("pyth\u00f6n", 4, 1, "InvalidCharacter")]
    [TestCase("a/b[c]", 3, 1, "InvalidCharacter")]
    [TestCase("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 0, 64, "HexadecimalName")]
    public void Invalid_references_are_reported_on_the_offending_part(string text, int offset, int length, string kind)
    {
        var error = Invalid(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Kind.ToString(), Is.EqualTo(kind), error.Message);
            Assert.That((error.Offset, error.Length), Is.EqualTo((offset, length)), error.Message);
            Assert.That(error.Message, Is.Not.Empty);
            Assert.That(error.Message, Does.Not.EndWith("."));
        }
    }

    [Test]
    public void A_sha256_digest_is_lower_case_hexadecimal()
    {
        var error = Invalid("a@sha256:ABCDEF" + new string('0', 58));
        Assert.That((error.Kind, error.Offset, error.Length), Is.EqualTo((ImageReferenceErrorKind.InvalidDigest, 9, 1)));
    }

    [Test]
    public void A_129_character_tag_is_too_long()
    {
        var error = Invalid("app:" + new string('t', 129));
        Assert.That((error.Kind, error.Offset, error.Length), Is.EqualTo((ImageReferenceErrorKind.TagTooLong, 4, 129)));
    }

    [Test]
    public void A_256_character_name_is_too_long()
    {
        var error = Invalid("a/" + new string('b', 254) + ":1");
        Assert.That((error.Kind, error.Offset, error.Length), Is.EqualTo((ImageReferenceErrorKind.NameTooLong, 0, 256)));
    }

    [Test]
    public void Very_long_inputs_are_judged_in_linear_time()
    {
        // 100,000 characters of each shape: a long path, a separator run, a long tag, a long digest.
        var inputs = new[]
        {
            string.Join('/', Enumerable.Repeat("ab-cd", 20_000)),
            "a" + new string('-', 100_000) + "b",
            "a" + new string('_', 100_000),
            "app:" + new string('t', 100_000),
            "app@sha256:" + new string('a', 100_000),
            new string('a', 100_000) + "/" + new string('B', 10),
        };
        foreach (var input in inputs)
        {
            ImageReference.TryParse(input, out _, out var error);
            Assert.That(error, Is.Not.Null, input[..20]);
        }
    }

    [TestCase("{{ACR_NAME}}.azurecr.io/torchserve:1")]
    [TestCase("${REGISTRY}/app")]
    [TestCase("$BASE_IMAGE")]
    [TestCase("python:${PY_VERSION}")]
    [TestCase("$(containerRegistry)/app:$(Build.BuildId)")]
    [TestCase("#{registry}#/app")]
    [TestCase("<your-registry>.azurecr.io/app")]
    [TestCase("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:{{latest-image-tag}}")]
    [TestCase("{insert image}")]
    public void Templates_are_neither_valid_nor_errors(string text)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ImageReference.IsTemplate(text), Is.True);
            Assert.That(ImageReference.TryParse(text, out var reference, out var error), Is.False);
            Assert.That(reference, Is.Null);
            Assert.That(error, Is.Null);
        }
    }

    [Test]
    public void Messages_name_the_problem()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Invalid("Python").Message, Does.Contain("lowercase"));
            Assert.That(Invalid("a\\b").Message, Does.Contain("backslash"));
            Assert.That(Invalid("a//b").Message, Does.Contain("empty path component"));
            Assert.That(Invalid("a:").Message, Does.Contain("not followed by a tag"));
            Assert.That(Invalid("a@sha256:" + new string('a', 40)).Message, Does.Contain("64"));
            Assert.That(Invalid("a b").Message, Does.Contain("spaces"));
        }
    }
}

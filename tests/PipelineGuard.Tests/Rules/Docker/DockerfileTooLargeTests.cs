using System.Text;
using PipelineGuard.Rules.Docker;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Docker;

public sealed class DockerfileTooLargeTests
{
    private const string Base = "FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240909.v1\n";

    private static string OfBytes(int bytes)
    {
        var text = new StringBuilder(Base);
        while (text.Length + 40 <= bytes)
        {
            text.Append("RUN echo 0123456789012345678901234567\n");
        }

        var filler = bytes - text.Length - "RUN \n".Length;
        text.Append("RUN ").Append('x', filler).Append('\n');
        return text.ToString();
    }

    [Test]
    public void A_dockerfile_over_100_kb_is_reported_on_its_first_line()
    {
        var findings = Lint.Findings(("Dockerfile", OfBytes(DockerfileTooLarge.MaxBytes + 1))).Only(DockerfileTooLarge.Rule);
        Assert.Multiple(() =>
        {
            Assert.That(findings.Places(), Is.EqualTo(new[] { "Dockerfile:1:1-1:68" }));
            Assert.That(findings.Single().Message, Does.StartWith("the Dockerfile is 102401 bytes, over the 102400 bytes (100 KB)"));
            Assert.That(findings.Single().Message, Does.Contain("Dockerfile length over limit"));
        });
    }

    [Test]
    public void A_dockerfile_of_exactly_100_kb_is_accepted()
    {
        var dockerfile = OfBytes(DockerfileTooLarge.MaxBytes);
        Assert.Multiple(() =>
        {
            Assert.That(Encoding.UTF8.GetByteCount(dockerfile), Is.EqualTo(DockerfileTooLarge.MaxBytes));
            Assert.That(Lint.Findings(("Dockerfile", dockerfile)).Only(DockerfileTooLarge.Rule), Is.Empty);
        });
    }

    [Test]
    public void Bytes_are_counted_in_utf8()
    {
        // 'é' is two bytes: 60,000 characters of it are 120,000 bytes.
        var dockerfile = Base + "LABEL description=\"" + new string('é', 60_000) + "\"\n";
        Assert.That(Lint.Findings(("Dockerfile", dockerfile)).Only(DockerfileTooLarge.Rule), Has.Count.EqualTo(1));
    }

    [Test]
    public void The_dockerfile_of_a_build_context_is_checked()
    {
        var findings = Lint.Findings(
            ("env.yml", "name: big\nbuild:\n  path: ctx\n"),
            ("ctx/Dockerfile", OfBytes(150_000)));
        Assert.That(findings.Only(DockerfileTooLarge.Rule).Places(), Is.EqualTo(new[] { "ctx/Dockerfile:1:1-1:68" }));
    }
}

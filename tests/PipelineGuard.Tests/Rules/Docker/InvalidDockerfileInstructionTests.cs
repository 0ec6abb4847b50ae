using System.Text;
using PipelineGuard.Rules.Docker;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Docker;

public sealed class InvalidDockerfileInstructionTests
{
    private const string Base = "FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240909.v1\n";

    private static IReadOnlyList<PipelineGuard.Model.Finding> Pg132(string dockerfile) =>
        Lint.Findings(("Dockerfile", dockerfile)).Only(InvalidDockerfileInstruction.Rule);

    [TestCase("RUNN pip install -r requirements.txt\n", "Dockerfile:2:1-2:5", "RUN", "Did you mean 'RUN'?")]
    [TestCase("COPPY requirements.txt /tmp/\n", "Dockerfile:2:1-2:6", "COPY", "Did you mean 'COPY'?")]
    [TestCase("ENTRYPIONT [\"python\"]\n", "Dockerfile:2:1-2:11", "ENTRYPOINT", "Did you mean 'ENTRYPOINT'?")]
    [TestCase("workdri /app\n", "Dockerfile:2:1-2:8", "WORKDIR", "Did you mean 'WORKDIR'?")]
    [TestCase("RUN[\"pip\", \"install\", \"x==1\"]\n", "Dockerfile:2:1-2:11", "RUN [\"pip\",", "Put a space between the instruction and its arguments")]
    public void An_unknown_instruction_is_reported_on_its_keyword_with_a_suggestion(string line, string place, string fix, string hint)
    {
        var finding = Pg132(Base + line).Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Span.ToString(), Is.EqualTo(place));
            Assert.That(finding.Fix, Is.EqualTo(fix));
            Assert.That(finding.Message, Does.Contain("unknown instruction: ").And.Contain(hint));
        });
    }

    [Test]
    public void A_line_that_lost_its_continuation_gets_that_hint()
    {
        var dockerfile = Base + "RUN apt-get update && \\\n    apt-get install -y git\n    && rm -rf /var/lib/apt/lists/*\n";
        var finding = Pg132(dockerfile).Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Span.ToString(), Is.EqualTo("Dockerfile:4:5-4:7"));
            Assert.That(finding.Message, Does.Contain("If this line continues the RUN above (line 3), end that line with '\\'."));
            Assert.That(finding.Fix, Is.Null);
        });
    }

    [Test]
    public void An_onbuild_trigger_is_checked()
    {
        Assert.That(Pg132(Base + "ONBUILD RUNN make\n").Places(), Is.EqualTo(new[] { "Dockerfile:2:9-2:13" }));
    }

    [Test]
    public void Known_instructions_in_any_case_are_not_reported()
    {
        var dockerfile = Base + "arg A=1\nenv B=2\nworkdir /app\ncopy . .\nrun pip install -r requirements.txt\nHEALTHCHECK NONE\nSTOPSIGNAL SIGTERM\nUSER 1000\nCMD [\"python\"]\n";
        Assert.That(Pg132(dockerfile), Is.Empty);
    }

    [Test]
    public void A_dockerfile_that_is_not_utf8_is_reported_at_the_first_bad_byte()
    {
        // Windows-1252 'é' (0xE9) in a LABEL: not UTF-8.
        var bytes = Encoding.UTF8.GetBytes(Base + "LABEL author=\"Ren").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes("\"\n")).ToArray();
        var fs = Lint.Repo().Add("Dockerfile", bytes);
        var finding = Lint.Run(fs).Findings.Only(InvalidDockerfileInstruction.Rule).Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Span.ToString(), Is.EqualTo("Dockerfile:2:18-2:19"));
            Assert.That(finding.Message, Does.StartWith("the Dockerfile is not UTF-8").And.Contain("Windows-1252").And.Contain("Save the file as UTF-8"));
        });
    }

    [Test]
    public void A_utf16_dockerfile_gives_one_finding_not_one_per_garbled_line()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Base + "RUN pip install x==1\n")).ToArray();
        var fs = Lint.Repo().Add("Dockerfile", bytes);
        var findings = Lint.Run(fs).Findings.Only(InvalidDockerfileInstruction.Rule);
        Assert.Multiple(() =>
        {
            Assert.That(findings.Places(), Is.EqualTo(new[] { "Dockerfile:1:1-1:2" }));
            Assert.That(findings.Single().Message, Does.Contain("UTF-16"));
        });
    }

    [Test]
    public void A_utf8_dockerfile_with_a_bom_and_non_ascii_text_is_fine()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Base + "LABEL author=\"René\"\n")).ToArray();
        Assert.That(Lint.Run(Lint.Repo().Add("Dockerfile", bytes)).Findings.Only(InvalidDockerfileInstruction.Rule), Is.Empty);
    }
}

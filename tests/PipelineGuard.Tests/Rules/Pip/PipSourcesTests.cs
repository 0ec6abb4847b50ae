using PipelineGuard.Analysis;
using PipelineGuard.Rules.Pip;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Pip;

public sealed class PipSourcesTests
{
    [TestCase("requirements.txt", "base.txt", "base.txt")]
    [TestCase("env/requirements.txt", "./pins/constraints.txt", "env/pins/constraints.txt")]
    [TestCase("env/sub/requirements.txt", "../../common.txt", "common.txt")]
    [TestCase("env\\requirements.txt", "..\\common.txt", "common.txt")]
    [TestCase("requirements.txt", "https://example.com/constraints.txt", null)]
    [TestCase("requirements.txt", "{{pins}}", null)]
    public void Include_paths_resolve_relative_to_the_including_file(string owner, string include, string? expected)
    {
        Assert.That(PipSources.Resolve(owner, include), Is.EqualTo(expected));
    }

    [Test]
    public void A_requirement_file_reached_from_a_constraints_file_is_read_as_requirements_again()
    {
        // pip decides per include line: "-r" inside a constraints file reads requirements (req_file.py, _parse_and_recurse).
        var findings = Lint.Findings(
            ("env.yml", "dependencies:\n  - numpy=1.26.4\n  - pip=24.2\n  - pip:\n      - -c pins/c.txt\n"),
            ("pins/c.txt", "numpy==1.26.4\n-r ../more.txt\n"),
            ("more.txt", "numpy==1.26.4\n")).Only(CondaPipOverlap.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "more.txt:1:1-1:14" }));
    }

    [Test]
    public void A_long_file_with_many_pins_of_one_name_is_checked_in_one_pass()
    {
        var text = string.Concat(Enumerable.Range(0, 1500).Select(i => $"numpy==1.{i % 3}.0\n"));
        var findings = Lint.Findings(("requirements.txt", text)).Only(ConflictingPins.Rule);
        // 1,499 conflicts: 100 are shown, and the summary of the rest counts the other 1,399 (the per-file bound).
        Assert.That(findings, Has.Count.EqualTo(101));
        Assert.That(findings[^1].Message, Does.StartWith("1399 more findings in this file are not shown (PG117 1399)"));
    }
}

using PipelineGuard.Rules.Pip;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Pip;

public sealed class HashPinningIncompleteTests
{
    private const string Hash = "--hash=sha256:2a02aba9ed12e4ac4eb3ea9421c420301a0c6460d9830d74a9df87efa4912010";

    private static IReadOnlyList<PipelineGuard.Model.Finding> Pg107(params (string Path, string Content)[] files) =>
        Lint.Findings(files).Only(HashPinningIncomplete.Rule);

    [Test]
    public void Every_requirement_pip_would_refuse_in_hash_mode_is_reported_on_its_text()
    {
        var findings = Pg107(("requirements.txt",
            $"numpy==1.26.4 {Hash}\n" +
            "pandas==2.2.2\n" +
            $"scipy>=1.11 {Hash}\n" +
            "-e ./pkg\n" +
            "git+https://github.com/org/repo@v1#egg=repo\n" +
            "./localdir\n" +
            "https://example.com/x-1.0-py3-none-any.whl#sha256=2a02aba9ed12e4ac4eb3ea9421c420301a0c6460d9830d74a9df87efa4912010\n" +
            "mlflow==2.17.0 \\\n" +
            $"    {Hash}\n" +
            "requests\n"));
        Assert.That(findings.Places(), Is.EqualTo(new[]
        {
            "requirements.txt:2:1-2:14",
            "requirements.txt:3:1-3:12",
            "requirements.txt:4:4-4:9",
            "requirements.txt:5:1-5:44",
            "requirements.txt:6:1-6:11",
            "requirements.txt:10:1-10:9",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(findings[0].Message, Does.StartWith("'pandas==2.2.2' has no --hash (\"Hashes are required in --require-hashes mode"));
            Assert.That(findings[0].Message, Does.Contain("hash-checking mode is on (a requirement carries --hash)"));
            Assert.That(findings[1].Message, Does.Contain("is not pinned with '=='"));
            Assert.That(findings[2].Message, Does.Contain("cannot be installed when requiring hashes"));
            Assert.That(findings[3].Message, Does.Contain("version-control URL"));
            Assert.That(findings[4].Message, Does.Contain("local folder"));
            Assert.That(findings[5].Message, Does.StartWith("'requests' has no --hash and is not pinned"));
            Assert.That(findings[0].Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "requirements.txt:1:15-1:93" }));
        });
    }

    [Test]
    public void Require_hashes_turns_the_mode_on_without_any_hash()
    {
        var findings = Pg107(("requirements.txt", "--require-hashes\nnumpy==1.26.4\n"));
        Assert.That(findings.Places(), Is.EqualTo(new[] { "requirements.txt:2:1-2:14" }));
        Assert.That(findings[0].Message, Does.Contain("(--require-hashes)"));
    }

    [Test]
    public void A_hash_on_a_constraint_turns_the_mode_on_but_does_not_hash_the_requirement()
    {
        var findings = Pg107(
            ("requirements.txt", "-c constraints.txt\nbar==2.0\n"),
            ("constraints.txt", $"bar==2.0 {Hash}\nbaz==1.0\n"));
        Assert.That(findings.Places(), Is.EqualTo(new[] { "requirements.txt:2:1-2:9" }));
        Assert.That(findings[0].Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "constraints.txt:1:10-1:88" }));
    }

    [Test]
    public void A_hash_in_an_included_file_applies_to_the_whole_install()
    {
        var findings = Pg107(
            ("requirements.txt", "-r base.txt\nbar==2.0\n"),
            ("base.txt", $"foo==1.0 {Hash}\n"));
        Assert.That(findings.Places(), Is.EqualTo(new[] { "requirements.txt:2:1-2:9" }));
    }

    [Test]
    public void The_pip_list_of_a_conda_spec_is_checked()
    {
        var findings = Pg107(("env.yml", $"dependencies:\n  - pip=24.2\n  - pip:\n      - numpy==1.26.4 {Hash}\n      - pandas==2.2.2\n"));
        Assert.That(findings.Places(), Is.EqualTo(new[] { "env.yml:5:9-5:22" }));
    }

    [TestCase("numpy==1.26.4\npandas>=2\n")]
    [TestCase($"numpy==1.26.4 {Hash}\npandas===2.2.2 {Hash}\n")]
    [TestCase($"numpy==1.26.* {Hash}\n")]
    [TestCase($"numpy=={{{{version}}}} {Hash}\npandas==${{PANDAS_VERSION}} {Hash}\n")]
    [TestCase($"numpy==1.26.4 {Hash}\nx @ https://example.com/x-1.0.tar.gz {Hash}\n")]
    [TestCase($"numpy==1.26.4 {Hash}\nhttps://example.com/x-1.0.tar.gz#egg=x&sha256=abc\n")]
    [TestCase($"numpy==1.26.4 {Hash}\n--index-url https://pypi.org/simple\n")]
    public void Complete_or_hash_free_files_are_not_reported(string requirements)
    {
        Assert.That(Pg107(("requirements.txt", requirements)), Is.Empty);
    }

    [Test]
    public void Constraint_lines_need_no_hash()
    {
        var findings = Pg107(
            ("requirements.txt", $"-c constraints.txt\nbar==2.0 {Hash}\n"),
            ("constraints.txt", "bar==2.0\nbaz>=1\n"));
        Assert.That(findings, Is.Empty);
    }
}

using PipelineGuard.Documents.Docker;
using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Rules.Docker;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Docker;

public sealed class CopySourceMissingTests
{
    private const string Environment = "$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\nname: sklearn\nbuild:\n  path: docker-context\n";
    private const string Base = "FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240909.v1\n";

    private static IReadOnlyList<Finding> Pg131(string dockerfileBody, params (string Path, string Content)[] context)
    {
        var files = new List<(string, string)> { ("env.yml", Environment), ("docker-context/Dockerfile", Base + dockerfileBody) };
        files.AddRange(context.Select(f => ("docker-context/" + f.Path, f.Content)));
        return Lint.Findings([.. files]).Only(CopySourceMissing.Rule);
    }

    [TestCase("COPY requirements.txt /tmp/requirements.txt\n", "docker-context/Dockerfile:2:6-2:22")]
    [TestCase("COPY conda.yml score.py /app/\n", "docker-context/Dockerfile:2:16-2:24")]
    [TestCase("ADD --chown=1000:1000 src/train.py /app/\n", "docker-context/Dockerfile:2:23-2:35")]
    [TestCase("COPY [\"environment/conda.yml\", \"/tmp/\"]\n", "docker-context/Dockerfile:2:8-2:29")]
    [TestCase("COPY ../common/utils.py /app/\n", "docker-context/Dockerfile:2:6-2:24")]
    [TestCase("COPY *.whl /tmp/wheels/\n", "docker-context/Dockerfile:2:6-2:11")]
    public void A_source_that_is_not_in_the_context_is_reported(string copy, string place)
    {
        Assert.That(Pg131(copy, ("conda.yml", "name: x\n")).Places(), Is.EqualTo(new[] { place }));
    }

    [TestCase("COPY conda.yml /tmp/conda.yml\n")]
    [TestCase("COPY . /app\n")]
    [TestCase("COPY ./ /app/\n")]
    [TestCase("COPY src/ /app/src/\n")]
    [TestCase("COPY src /app/src\n")]
    [TestCase("COPY /src/score.py /app/\n")]
    [TestCase("COPY *.yml /tmp/\n")]
    [TestCase("COPY src/** /app/\n")]
    [TestCase("COPY src/*.py /app/\n")]
    [TestCase("COPY --from=builder /opt/venv /opt/venv\n")]
    [TestCase("COPY --from=python:3.11-slim /usr/local/bin/python3 /usr/local/bin/\n")]
    [TestCase("ADD https://aka.ms/downloadazcopy-v10-linux /tmp/azcopy.tgz\n")]
    [TestCase("ADD git@github.com:org/repo.git /src\n")]
    [TestCase("COPY $CONTEXT_DIR/requirements.txt /tmp/\n")]
    [TestCase("COPY ${SRC}/ /app/\n")]
    [TestCase("COPY <<EOF /etc/pip.conf\n[global]\ntimeout = 60\nEOF\n")]
    [TestCase("COPY .git /app/.git\n")]
    public void Sources_in_the_context_or_out_of_scope_are_not_reported(string copy)
    {
        Assert.That(Pg131(copy, ("conda.yml", "name: x\n"), ("src/score.py", "print()\n"), ("src/pkg/m.py", "\n")), Is.Empty);
    }

    [Test]
    public void A_source_excluded_by_dockerignore_is_reported_with_the_pattern()
    {
        var finding = Pg131("COPY model/ /var/azureml-app/model/\n", ("model/model.pkl", "x"), (".dockerignore", "# big files\nmodel\n")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Span.ToString(), Is.EqualTo("docker-context/Dockerfile:2:6-2:12"));
            Assert.That(finding.Message, Does.Contain("is excluded by .dockerignore (line 2: 'model')").And.Contain("add '!model' after it"));
        });
    }

    [Test]
    public void A_folder_whose_content_an_exception_puts_back_is_present()
    {
        var findings = Pg131("COPY data /data\nCOPY requirements.txt /tmp/\n",
            ("data/raw.csv", "x"), ("data/labels.csv", "y"), ("requirements.txt", "x==1\n"), (".dockerignore", "*\n!data/labels.csv\n!requirements.txt\n"));
        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void A_wildcard_that_matches_only_excluded_files_is_reported()
    {
        var finding = Pg131("COPY *.ckpt /models/\n", ("last.ckpt", "x"), (".dockerignore", "*.ckpt\n")).Single();
        Assert.That(finding.Message, Does.Contain("matches only paths that .dockerignore leaves out").And.Contain("(line 1: '*.ckpt')"));
    }

    [TestCase("COPY settings.toml* marker.txt /tmp/setup/\n")]
    [TestCase("COPY extra/*.whl marker.txt /tmp/wheels/\n")]
    [TestCase("COPY [\"settings.toml*\", \"marker.txt\", \"/tmp/setup/\"]\n")]
    public void An_empty_wildcard_beside_a_found_source_is_not_reported(string copy)
    {
        // Dev-container shape: an optional file picked up by a wildcard, with a file that is always there so that the
        // instruction never copies nothing (the classic builder fails only then; BuildKit allows empty wildcards).
        Assert.That(Pg131(copy, ("marker.txt", "")), Is.Empty);
    }

    [Test]
    public void An_empty_wildcard_beside_a_missing_file_is_reported_with_it()
    {
        var findings = Pg131("COPY settings.toml* marker.txt /tmp/setup/\n");
        Assert.That(findings.Places(), Is.EqualTo(new[] { "docker-context/Dockerfile:2:6-2:20", "docker-context/Dockerfile:2:21-2:31" }));
    }

    [Test]
    public void An_empty_wildcard_beside_a_variable_source_is_not_reported()
    {
        Assert.That(Pg131("COPY settings.toml* ${EXTRA} /tmp/setup/\n", ("marker.txt", "")), Is.Empty);
    }

    [Test]
    public void A_wrong_case_gets_the_existing_name_as_fix()
    {
        var finding = Pg131("COPY Requirements.txt /tmp/\n", ("requirements.txt", "x==1\n")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Fix, Is.EqualTo("requirements.txt"));
            Assert.That(finding.Message, Does.Contain("does not exist in the build context 'docker-context'").And.Contain("The context has 'requirements.txt'"));
            Assert.That(finding.Message, Does.Contain("\"/Requirements.txt\": not found"));
        });
    }

    [Test]
    public void A_trailing_comment_is_reported_once_with_the_guide_hint()
    {
        var finding = Pg131("COPY requirements.txt . # python deps\n", ("requirements.txt", "x==1\n")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Span.ToString(), Is.EqualTo("docker-context/Dockerfile:2:25-2:38"));
            Assert.That(finding.Message, Does.StartWith("'# python deps' is not a comment").And.Contain("'#' and 'python' and 'deps' as more paths"));
            Assert.That(finding.Message, Does.Contain("Move the comment to a line of its own"));
        });
    }

    [Test]
    public void A_trailing_comment_after_the_destination_leaves_the_real_sources_checked()
    {
        var findings = Pg131("COPY conda.yml missing.txt /tmp/ #env\n", ("conda.yml", "name: x\n"));
        Assert.That(findings.Places(), Is.EqualTo(new[] { "docker-context/Dockerfile:2:16-2:27", "docker-context/Dockerfile:2:34-2:38" }));
    }

    [Test]
    public void An_invalid_dockerignore_makes_the_rule_silent()
    {
        Assert.That(Pg131("COPY missing.txt /tmp/\n", (".dockerignore", "!\n")), Is.Empty);
    }

    [Test]
    public void A_stand_alone_dockerfile_is_checked_when_its_folder_is_plausibly_the_context()
    {
        var findings = Lint.Findings(
            ("docker/Dockerfile", Base + "COPY conda.yml /tmp/\nCOPY scripts/setup.sh /tmp/\n"),
            ("docker/conda.yml", "name: x\ndependencies:\n  - python=3.10\n"));
        Assert.That(findings.Only(CopySourceMissing.Rule).Places(), Is.EqualTo(new[] { "docker/Dockerfile:3:6-3:22" }));
    }

    [Test]
    public void A_stand_alone_dockerfile_none_of_whose_sources_is_found_is_left_alone()
    {
        // Built from the repository root (docker build -f docker/Dockerfile .): its folder is not its context.
        var findings = Lint.Findings(("docker/Dockerfile", Base + "COPY src/ /app/src/\nCOPY requirements.txt /tmp/ # deps\n"));
        Assert.That(findings.Only(CopySourceMissing.Rule).Places(), Is.EqualTo(new[] { "docker/Dockerfile:3:29-3:35" }));
    }

    [Test]
    public void A_truncated_snapshot_is_not_trusted()
    {
        var text = new SourceText("ctx/Dockerfile", Base + "COPY requirements.txt /tmp/\n");
        var snapshot = new BuildContextSnapshot("ctx", new HashSet<string>(), new HashSet<string>(), Truncated: true, DockerIgnore: null);
        var environment = new AmlEnvironment(EnvironmentKind.AzureMlV2, SourceSpan.LineOf("env.yml", 1))
        {
            Build = new DockerBuild("/repo/ctx", SourceSpan.LineOf("env.yml", 3), DockerfileReader.Read(text)) { Context = snapshot },
        };
        var workspace = new Workspace([], [environment], []);
        Assert.That(new CopySourceMissing().Check(PipelineGuard.Rules.RuleContext.Of(workspace)), Is.Empty);
    }

    [Test]
    public void The_azureml_examples_docker_context_is_clean()
    {
        // azureml-examples cli/assets/environment/docker-contexts/python-and-pip.
        var findings = Pg131("COPY requirements.txt .\nRUN pip install -r requirements.txt\n", ("requirements.txt", "scikit-learn==1.5.1\n"));
        Assert.That(findings, Is.Empty);
    }
}

using System.Text;
using PipelineGuard.Discovery;
using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Discovery;

public sealed class DiscoveryTests
{
    private static Workspace Build(params (string Path, string Content)[] files) => new WorkspaceBuilder(Lint.Repo(files)).Build([]);

    [Test]
    public void Every_input_kind_becomes_an_environment_and_referenced_files_are_not_counted_twice()
    {
        var ws = Build(
            ("v2/environment.yml", "$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\nname: v2\nimage: python:3.11.9\nconda_file: conda.yml\n"),
            ("v2/conda.yml", "dependencies:\n  - python=3.11.9\n"),
            ("v1/azureml_environment.json", "{\"name\": \"v1\", \"python\": {\"userManagedDependencies\": false}, \"docker\": {\"baseImage\": \"python:3.11.9\"}}"),
            ("v1/conda_dependencies.yml", "dependencies:\n  - python=3.10.14\n"),
            ("job/job.yml", "command: python x.py\nenvironment:\n  image: python:3.11.9\n  conda_file:\n    dependencies: [python=3.9.19]\n"),
            ("standalone/env.yaml", "channels: [defaults]\ndependencies: [python=3.12.5]\n"));
        var kinds = ws.Environments.Select(e => (e.Kind, e.Conda?.Dependencies[0].Text.Value)).ToList();
        Assert.That(kinds, Is.EquivalentTo(new (EnvironmentKind, string?)[]
        {
            (EnvironmentKind.AzureMlV2, "python=3.11.9"),
            (EnvironmentKind.AzureMlV1, "python=3.10.14"),
            (EnvironmentKind.Inline, "python=3.9.19"),
            (EnvironmentKind.CondaSpec, "python=3.12.5"),
        }));
    }

    [TestCase("python_env.yaml", "python: \"3.10.12\"\nbuild_dependencies:\n  - pip==23.3.1\ndependencies:\n  - -r requirements.txt\n")]
    [TestCase("ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n")]
    [TestCase("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: nginx\n")]
    [TestCase("Chart.yaml", "apiVersion: v2\nname: c\ndependencies:\n  - name: redis\n    version: 17.0.0\n")]
    [TestCase("asset.yaml", "name: x\nimage:\n  name: azureml/curated/x\n  context:\n    dir: context\n")]
    [TestCase("deployment.yml", "model: azureml:m:1\nenvironment: azureml:sklearn-1.5@latest\n")]
    [TestCase("templates.yml", "a: {{ .Values.x }}\n")]
    public void Yaml_that_is_not_an_environment_is_skipped_silently(string name, string content)
    {
        var ws = Build((name, content));
        Assert.Multiple(() =>
        {
            Assert.That(ws.Environments, Is.Empty);
            Assert.That(ws.Documents, Is.Empty);
        });
    }

    [Test]
    public void Bom_and_crlf_are_read_with_the_same_positions()
    {
        var fs = Lint.Repo();
        fs.Add("env.yml", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("name: x\r\ndependencies:\r\n  - pip:\r\n      - a==1\r\n")).ToArray());
        var finding = Lint.Run(fs).Findings.Single(f => f.RuleId == "PG101");
        Assert.That(finding.Span.ToString(), Is.EqualTo("env.yml:3:5-3:8"));
    }

    [Test]
    public void Empty_files_give_no_finding_when_walked_and_a_usage_error_when_named()
    {
        var fs = Lint.Repo(("environment.yml", string.Empty), ("requirements.txt", string.Empty));
        Assert.Multiple(() =>
        {
            Assert.That(Lint.Run(fs).Findings, Is.Empty);
            Assert.That(() => Lint.Run(fs, "environment.yml"), Throws.TypeOf<UsageException>().With.Message.Contains("empty"));
        });
    }

    [Test]
    public void An_unreadable_file_is_a_pg113_finding_and_not_an_exception()
    {
        var fs = Lint.Repo(("ok/conda.yml", "dependencies: [python=3.11.9]\n"));
        fs.AddUnreadable("/repo/locked/conda.yml");
        var finding = Lint.Run(fs).Findings.Single(f => f.RuleId == "PG113");
        Assert.That(finding.Message, Does.Contain("cannot read the file"));
    }

    [Test]
    public void Missing_paths_and_unknown_explicit_files_are_usage_errors()
    {
        var fs = Lint.Repo(("notes.md", "# hi\n"), ("ci.yml", "on: push\n"));
        Assert.Multiple(() =>
        {
            Assert.That(() => Lint.Run(fs, "nope"), Throws.TypeOf<UsageException>().With.Message.EqualTo("nope: no such file or directory"));
            Assert.That(() => Lint.Run(fs, "notes.md"), Throws.TypeOf<UsageException>().With.Message.Contains("not a file kind"));
            Assert.That(() => Lint.Run(fs, "ci.yml"), Throws.TypeOf<UsageException>().With.Message.Contains("not an environment definition"));
        });
    }

    [Test]
    public void Skipped_folders_are_not_walked()
    {
        var pip = "dependencies:\n  - pip:\n      - a==1\n";
        var ws = Build(("node_modules/x/env.yml", pip), (".git/env.yml", pip), (".venv/env.yml", pip), ("obj/env.yml", pip), ("src/env.yml", pip));
        Assert.That(ws.Documents.Select(d => d.Text.Path), Is.EqualTo(new[] { "src/env.yml" }));
    }

    [Test]
    public void A_directory_with_thousands_of_files_is_walked_in_order()
    {
        var fs = Lint.Repo();
        for (var i = 0; i < 3000; i++)
        {
            fs.Add($"envs/e{i:D4}/conda.yml", "channels: [defaults]\ndependencies:\n  - python=3.11.9\n  - pip=24.2\n");
            fs.Add($"envs/e{i:D4}/notes.txt", "x");
        }

        var result = Lint.Run(fs);
        Assert.Multiple(() =>
        {
            Assert.That(result.Files, Is.EqualTo(3000));
            Assert.That(result.Workspace.Documents.Select(d => d.Text.Path), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        });
    }

    [Test]
    public void A_yaml_alias_bomb_is_read_without_expanding_it()
    {
        var lines = new List<string> { "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]" };
        for (var i = 1; i < 9; i++)
        {
            var prev = (char)('a' + i - 1);
            var cur = (char)('a' + i);
            lines.Add($"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]");
        }

        lines.Add("dependencies: *i");
        var findings = Lint.Findings(("conda.yml", string.Join('\n', lines) + "\n"));
        Assert.That(findings.Select(f => f.RuleId), Has.All.EqualTo("PG113"));
    }

    [Test]
    public void Deeply_nested_yaml_is_refused_with_a_finding_not_a_stack_overflow()
    {
        var deep = "dependencies: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var finding = Lint.Findings(("conda.yml", deep)).Single();
        Assert.That(finding.Message, Does.Contain("nests deeper"));
    }

    [Test]
    public void Inline_conda_file_mapping_of_a_v2_environment_is_read_in_place()
    {
        var ws = Build(("env.yaml", "name: inline\nimage: python:3.11.9\nconda_file:\n  channels: [defaults]\n  dependencies:\n    - python=3.8.12\n    - pip=21.2.2\n    - pip: [mldesigner==0.1.0b17]\n"));
        var env = ws.Environments.Single();
        Assert.Multiple(() =>
        {
            Assert.That(env.Kind, Is.EqualTo(EnvironmentKind.AzureMlV2));
            Assert.That(env.Conda!.Pip!.Entries.Single().Span.ToString(), Is.EqualTo("env.yaml:8:13-8:33"));
        });
    }

    [Test]
    public void Template_placeholders_that_yaml_reads_as_flow_mappings_are_tolerated()
    {
        var ws = Build(("deployment.yml", "name: blue\nenvironment:\n  name: conda-in-dockerfile\n  image: {{ACR_NAME}}.azurecr.io/minimal:1\n  conda_file: \"{{conda}}\"\n"));
        var env = ws.Environments.Single();
        Assert.Multiple(() =>
        {
            Assert.That(ws.Documents.SelectMany(d => d.Problems), Is.Empty);
            Assert.That(env.Image!.Value, Is.EqualTo("{{ACR_NAME}}.azurecr.io/minimal:1"));
            Assert.That(env.Image.Span.ToString(), Is.EqualTo("deployment.yml:4:10-4:43"));
        });
    }
}

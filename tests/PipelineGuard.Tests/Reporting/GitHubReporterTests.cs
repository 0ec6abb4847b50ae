using PipelineGuard.Model;
using PipelineGuard.Reporting;
using static PipelineGuard.Tests.Reporting.ReportingFixtures;

namespace PipelineGuard.Tests.Reporting;

public sealed class GitHubReporterTests
{
    private const string Spec = "dependencies:\n  - python=3.11.9\n  - pip\n  - numpy\n";

    private static List<string> Annotations(string output) =>
        output.Split('\n').Where(l => l.StartsWith("::error ", StringComparison.Ordinal) || l.StartsWith("::warning ", StringComparison.Ordinal) || l.StartsWith("::notice ", StringComparison.Ordinal)).ToList();

    [Test]
    public void An_annotation_carries_file_lines_columns_and_title_relative_to_the_workspace()
    {
        // The program runs in /github/workspace/sub (a container action with working-directory: sub).
        var result = Result([("envs/conda.yml", Spec)], [Finding(ErrorRule, "envs/conda.yml", 3, 5, 3, 8, "pip is not pinned")]);
        var (output, _) = Run("github", result, GitHubEnvironment("/github/workspace"), workingDirectory: "/github/workspace/sub");
        Assert.That(Annotations(output), Is.EqualTo(new[]
        {
            "::error file=sub/envs/conda.yml,line=3,endLine=3,col=5,endColumn=8,title=PG102 pip-unpinned::pip is not pinned",
        }));
    }

    [Test]
    public void Columns_only_on_one_line_and_never_zero()
    {
        var result = Result([("a.yml", Spec)], [
            Finding(ErrorRule, "a.yml", 2, 3, 4, 2),
            Finding(WarningRule, "a.yml", 3, 0, 3, 0),
            Finding(NoticeRule, "a.yml", 0, 0, 0, 0),
            Finding(ErrorRule, "a.yml", 4, 5, 4, 5),
        ]);
        var lines = Annotations(Run("github", result, GitHubEnvironment()).Output);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "::error file=a.yml,line=2,endLine=4,title=PG102 pip-unpinned::message",
            "::error file=a.yml,line=4,endLine=4,col=5,title=PG102 pip-unpinned::message",
            "::warning file=a.yml,line=3,endLine=3,title=PG106 dependency-unpinned::message",
            "::notice file=a.yml,title=PG112 pip-timeout-not-raised::message",
        }));
    }

    [Test]
    public void Over_ten_of_a_level_the_rest_is_counted_in_a_final_notice()
    {
        var findings = Enumerable.Range(1, 13).Select(i => Finding(ErrorRule, "a.yml", i, 1, i, 2))
            .Concat(Enumerable.Range(1, 4).Select(i => Finding(NoticeRule, "a.yml", i, 1, i, 2)));
        var (output, _) = Run("github", Result([("a.yml", Spec)], findings), GitHubEnvironment(), sarifFile: "pg.sarif");
        var lines = Annotations(output);
        Assert.Multiple(() =>
        {
            Assert.That(lines.Count(l => l.StartsWith("::error", StringComparison.Ordinal)), Is.EqualTo(10));
            Assert.That(lines.Count(l => l.StartsWith("::notice", StringComparison.Ordinal)), Is.EqualTo(5), "4 findings and the note");
            Assert.That(lines[^1], Is.EqualTo(
                "::notice title=PipelineGuard%3A more findings::3 more errors are not shown as annotations (GitHub shows 10 of each level per step); " +
                "the job summary, the PipelineGuard group of this log and the SARIF file list all 17."));
        });
    }

    [Test]
    public void When_notices_overflow_the_note_takes_the_tenth_notice_slot()
    {
        var findings = Enumerable.Range(1, 12).Select(i => Finding(NoticeRule, "a.yml", i, 1, i, 2));
        var lines = Annotations(Run("github", Result([("a.yml", Spec)], findings), GitHubEnvironment()).Output);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(10));
            Assert.That(lines[^1], Does.Contain("3 more notices are not shown"));
        });
    }

    [Test]
    public void Source_lines_are_echoed_inside_stop_commands_in_a_group()
    {
        var spec = "dependencies:\n  - ::add-mask::secret\n";
        var (output, _) = Run("github", Result([("a.yml", spec)], [Finding(ErrorRule, "a.yml", 2, 5, 2, 10)]), GitHubEnvironment());
        var lines = output.Split('\n');
        var stop = Array.IndexOf(lines, "::stop-commands::" + Token);
        var resume = Array.IndexOf(lines, "::" + Token + "::");
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("::group::PipelineGuard: 1 finding"));
            Assert.That(stop, Is.EqualTo(1));
            Assert.That(Array.FindIndex(lines, l => l.Contains("::add-mask::secret", StringComparison.Ordinal)), Is.InRange(stop + 1, resume - 1));
            Assert.That(lines[resume + 1], Is.EqualTo("::endgroup::"));
            Assert.That(CiLogSimulator.GitHub(output).Select(c => c.Name), Does.Not.Contain("add-mask"));
        });
    }

    [Test]
    public void The_job_summary_and_the_step_outputs_are_appended()
    {
        var result = Result([("a.yml", Spec)], [Finding(ErrorRule, "a.yml", 3, 5, 3, 8, "pip | unpinned", "pip=24.2"), Finding(WarningRule, "a.yml", 4, 5, 4, 10)]);
        var env = GitHubEnvironment();
        env["GITHUB_SERVER_URL"] = "https://github.com";
        env["GITHUB_REPOSITORY"] = "octo/ml";
        env["GITHUB_SHA"] = "abc123";
        var (_, files) = Run("github", result, env, sarifFile: "reports/pg.sarif");
        var summary = files["/runner/step_summary"];
        Assert.Multiple(() =>
        {
            Assert.That(summary, Does.StartWith("## PipelineGuard\n\n:x: **Failed** (`--fail-on error`): 1 error, 1 warning, 0 notices in 1 file."));
            Assert.That(summary, Does.Contain(
                "| [PG102](https://github.com/pipelineguard/pipelineguard/blob/main/docs/rules/PG102.md) pip-unpinned | 1 | 0 | 0 |"));
            Assert.That(summary, Does.Contain(
                "<details><summary>PG102 pip-unpinned: 1 error</summary>\n\n| Severity | File | Line | Message |\n| --- | --- | --- | --- |\n" +
                "| error | a.yml | [3](https://github.com/octo/ml/blob/abc123/a.yml#L3) | pip \\| unpinned<br>Fix: pip=24.2 |\n\n</details>"));
            Assert.That(files["/runner/set_output"], Is.EqualTo(
                $"errors<<ghadelimiter_{Token}\n1\nghadelimiter_{Token}\n" +
                $"warnings<<ghadelimiter_{Token}\n1\nghadelimiter_{Token}\n" +
                $"notices<<ghadelimiter_{Token}\n0\nghadelimiter_{Token}\n" +
                $"sarif-file<<ghadelimiter_{Token}\nreports/pg.sarif\nghadelimiter_{Token}\n"));
        });
    }

    [Test]
    public void A_value_that_contains_the_delimiter_gets_another_one()
    {
        var text = GitHubFileCommands.Outputs([new("sarif-file", $"x\nghadelimiter_{Token}\nevil=1")], () => Token);
        var delimiter = text.Split('\n')[0].Split("<<")[1];
        Assert.Multiple(() =>
        {
            Assert.That(delimiter, Is.Not.EqualTo($"ghadelimiter_{Token}"));
            Assert.That(text, Does.EndWith($"\nx\nghadelimiter_{Token}\nevil=1\n{delimiter}\n"));
        });
    }

    [Test]
    public void The_summary_stays_under_githubs_limit_and_says_what_it_left_out()
    {
        var message = new string('m', 900);
        var findings = Enumerable.Range(1, 3000).Select(i => Finding(WarningRule, "a.yml", i, 1, i, 2, message));
        var (_, files) = Run("github", Result([("a.yml", Spec)], findings, failOn: null), GitHubEnvironment());
        var summary = files["/runner/step_summary"];
        Assert.Multiple(() =>
        {
            Assert.That(System.Text.Encoding.UTF8.GetByteCount(summary), Is.LessThanOrEqualTo(MarkdownSummary.GitHubLimitBytes));
            Assert.That(summary, Does.Match(@"\n\d+ more findings are not listed: the summary is kept under GitHub's 1 MiB limit"));
            Assert.That(summary, Does.StartWith("## PipelineGuard\n\n:white_check_mark: **Passed**: 0 errors, 3000 warnings"));
        });
    }

    [Test]
    public void A_file_that_cannot_be_written_gives_a_warning_not_a_crash()
    {
        var result = Result([("a.yml", Spec)], [Finding(ErrorRule, "a.yml", 3, 5, 3, 8)]);
        var (output, _) = Run("github", result, GitHubEnvironment(), append: (_, _) => throw new IOException("disk full"));
        Assert.That(output, Does.Contain("::warning title=PipelineGuard::could not write the job summary: disk full"));
    }

    [Test]
    public void Without_github_variables_no_file_is_touched()
    {
        var result = Result([("a.yml", Spec)], []);
        var (output, files) = Run("github", result);
        Assert.Multiple(() =>
        {
            Assert.That(files, Is.Empty);
            Assert.That(output, Is.EqualTo("PipelineGuard: 1 file checked: 0 errors, 0 warnings, 0 notices; passed\n"));
        });
    }

    [Test]
    public void A_build_log_finding_is_annotated_on_the_related_spec_line()
    {
        var finding = new Finding(ErrorRule, Severity.Error, "pip could not find numpy", new SourceSpan("logs/build.log", 40, 1, 40, 20))
        {
            Related = [new RelatedLocation(new SourceSpan("a.yml", 4, 5, 4, 10), "declared here")],
        };
        var lines = Annotations(Run("github", Result([("a.yml", Spec)], [finding]), GitHubEnvironment()).Output);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "::error file=a.yml,line=4,endLine=4,col=5,endColumn=10,title=PG102 pip-unpinned::pip could not find numpy (seen at logs/build.log:40)",
        }));
    }
}

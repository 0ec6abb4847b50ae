using System.Text;
using PipelineGuard.Documents.Docker;
using PipelineGuard.Documents.Pip;
using PipelineGuard.Engine;
using PipelineGuard.Model;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Regressions;

/// <summary>
/// Issue 18: inputs a pull request controls, as a mutation campaign made them. Each is answered with findings (a
/// positioned PG113 where the file cannot be used), never a crash or a stall. Time and memory are measured by
/// bench/limits/measure.sh, not here: these tests check the answers and that the work is bounded.
/// </summary>
public sealed class LargeAndEncodedInputTests
{
    private const string V1Head = "{\"name\": \"e\", \"python\": {\"condaDependencies\": {\"dependencies\": [\"python=3.11.9\"]}}, \"docker\": {\"baseImage\": \"";

    [Test]
    public void A_utf16_v1_environment_with_a_lone_surrogate_is_a_positioned_pg113()
    {
        // UTF-16 LE with its byte-order mark and an unpaired high surrogate (D800) in a string.
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("{\"name\": \"a")).Concat(new byte[] { 0x00, 0xD8 })
            .Concat(Encoding.Unicode.GetBytes("\"}\n")).ToArray();
        var fs = new PipelineGuard.IO.InMemoryFileSystem("/repo").Add("azureml_environment.json", bytes);
        var findings = Lint.Run(fs).Findings;
        Assert.That(findings.Select(f => $"{f.RuleId} {f.Span.Line}:{f.Span.Column}"), Is.EqualTo(new[] { "PG113 1:1" }));
        Assert.That(findings[0].Message, Does.Contain("save it as UTF-8"));
    }

    [Test]
    public void A_v1_environment_with_a_lone_surrogate_escape_is_a_positioned_pg113()
    {
        var findings = Lint.Findings(("azureml_environment.json", V1Head + "python\\ud800:3.11\"}}\n"));
        Assert.That(findings.Select(f => f.RuleId), Is.EqualTo(new[] { "PG113" }));
        Assert.That(findings[0].Message, Does.Contain("lone surrogate"));
    }

    [TestCase("utf-16LE")]
    [TestCase("utf-16BE")]
    [TestCase("utf-32LE")]
    [TestCase("utf-32BE")]
    public void A_requirements_file_with_a_utf16_or_utf32_byte_order_mark_is_read_as_pip_reads_it(string name)
    {
        var encoding = name switch
        {
            "utf-16LE" => (Encoding)new UnicodeEncoding(false, true),
            "utf-16BE" => new UnicodeEncoding(true, true),
            "utf-32LE" => new UTF32Encoding(false, true),
            _ => new UTF32Encoding(true, true),
        };
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("numpy==1.26.4\npandas\n")).ToArray();
        var fs = new PipelineGuard.IO.InMemoryFileSystem("/repo").Add("requirements.txt", bytes);
        var findings = Lint.Run(fs).Findings;
        Assert.That(findings.Select(f => $"{f.RuleId} {f.Span.Line}:{f.Span.Column}"), Is.EqualTo(new[] { "PG106 2:1" }));
    }

    [Test]
    public void A_1_mb_dockerfile_installing_thousands_of_packages_is_answered()
    {
        // Issue 18's stall: 43-46 s and 760 MB. Now the file is read up to 512 KB, a script up to 10,000 words.
        var text = new StringBuilder("FROM python:3.11.9\nRUN pip install");
        for (var i = 0; text.Length < 1024 * 1024; i++)
        {
            text.Append(" pkg").Append(i).Append("==1.0");
        }

        var findings = Lint.Findings(("Dockerfile", text.Append('\n').ToString()));
        Assert.That(findings.Select(f => f.RuleId), Is.EquivalentTo(new[] { "PG113", "PG113", "PG129" }));
        Assert.That(findings.Where(f => f.RuleId == "PG113").Select(f => f.Message), Has.Some.Contains("longer than 512 KB").And.Some.Contains("more than 10000 words"));
    }

    [Test]
    public void A_script_past_the_word_bound_keeps_its_first_words_and_says_where_it_stopped()
    {
        var script = "pip install " + string.Join(' ', Enumerable.Range(0, ShellScriptParser.MaxWords + 500).Select(i => $"p{i}"));
        var source = new SourceText("Dockerfile", "FROM python:3.11.9\nRUN " + script + "\n");
        var document = DockerfileReader.Read(source);
        var words = document.Instructions[1].Run!.Commands.Sum(c => c.Words.Length);
        Assert.Multiple(() =>
        {
            Assert.That(words, Is.EqualTo(ShellScriptParser.MaxWords));
            Assert.That(document.Problems.Single().Span.Line, Is.EqualTo(2));
        });
    }

    [Test]
    public void A_16_mb_conda_file_is_answered_with_where_reading_stopped()
    {
        var text = new StringBuilder("name: big\ndependencies:\n  - python=3.11.9\n  - pip:\n");
        for (var i = 0; text.Length < 16_000_000; i++)
        {
            text.Append("      - pkg").Append(i).Append("==1.0\n");
        }

        var findings = Lint.Findings(("conda.yml", text.ToString()));
        Assert.That(findings.Select(f => f.RuleId), Is.EqualTo(new[] { "PG113" }));
        Assert.That(findings[0].Message, Does.Contain("more than 10000 keys and values"));

        // Nodes: the mapping, name and its value, dependencies and its list, python, the pip mapping, its key and its list:
        // 9 before the entries, so 9,991 entries fit and the next one is where reading stops.
        Assert.That(findings[0].Span.Line, Is.EqualTo(4 + 9991 + 1));
    }

    [Test]
    public void A_requirements_file_past_the_line_bound_keeps_its_first_lines()
    {
        var text = string.Concat(Enumerable.Range(0, RequirementsFileReader.MaxLines + 10).Select(i => $"pkg{i}==1.0\n"));
        var document = RequirementsFileReader.Read(new SourceText("requirements.txt", text));
        Assert.Multiple(() =>
        {
            Assert.That(document.Requirements.Count(), Is.EqualTo(RequirementsFileReader.MaxLines));
            Assert.That(document.Problems.Single().Span.Line, Is.EqualTo(RequirementsFileReader.MaxLines + 1));
        });
    }

    [Test]
    public void Past_100_findings_in_one_file_one_summary_says_how_many_more()
    {
        var text = string.Concat(Enumerable.Range(0, 250).Select(i => $"pkg{i}\n"));
        var findings = Lint.Findings(("requirements.txt", text));
        var summary = findings[^1];
        Assert.Multiple(() =>
        {
            Assert.That(findings, Has.Count.EqualTo(FindingCap.PerFile + 1));
            Assert.That(summary.Message, Does.StartWith("150 more findings in this file are not shown (PG106 150)"));
            Assert.That(summary.Span.Line, Is.EqualTo(101));
            Assert.That(summary.Severity, Is.EqualTo(Severity.Warning));
        });
    }

    [Test]
    public void A_conda_file_with_carriage_return_line_ends_is_a_positioned_pg113()
    {
        var findings = Lint.Findings(("conda.yml", "name: e\rdependencies:\r  - python=3.11.9\r"));
        Assert.That(findings.Select(f => $"{f.RuleId} {f.Span.Line}:{f.Span.Column}"), Is.EqualTo(new[] { "PG113 1:8" }));
    }
}

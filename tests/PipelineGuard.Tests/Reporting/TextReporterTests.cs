using PipelineGuard.Model;
using PipelineGuard.Reporting;
using static PipelineGuard.Tests.Reporting.ReportingFixtures;

namespace PipelineGuard.Tests.Reporting;

public sealed class TextReporterTests
{
    private const string Spec = "dependencies:\n  - python=3.11.9\n  - pip\n  - numpy\n  - scipy\n  - pandas\n";

    private static readonly string LongMessage =
        "pip package 'transformers' ('transformers>=4.44') is not pinned with '==' to one version; each build installs the newest match, " +
        "so the image can change or break between builds. Pin it, e.g. 'transformers==<version>'.";

    private static string Text(CheckResult result, bool verbose = false)
    {
        var output = new StringWriter();
        new TextReporter(color: false, verbose).Write(result, output);
        return output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [Test]
    public void A_finding_is_one_line_under_its_file_with_the_first_clause_of_its_message()
    {
        var result = Result([("envs/conda.yml", Spec)], [Finding(WarningRule, "envs/conda.yml", 4, 5, 4, 10, LongMessage, "numpy==2.1.0")]);
        var lines = Text(result).Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("envs/conda.yml"));
            Assert.That(lines[1], Is.EqualTo("  4:5  warning  PG106 dependency-unpinned  pip package 'transformers' ('transformers>=4.44') is not pinned with '==' to one version"));
            Assert.That(lines[2], Is.Empty, "no source line, caret or fix without --verbose");
        });
    }

    [Test]
    public void A_long_clause_is_cut_at_a_word_to_fit_the_line()
    {
        var message = string.Join(' ', Enumerable.Repeat("word", 60));
        var line = Text(Result([("a.yml", Spec)], [Finding(ErrorRule, "a.yml", 3, 5, 3, 8, message)])).Split('\n')[1];
        Assert.Multiple(() =>
        {
            Assert.That(line.Length, Is.InRange(ShortMessage.FirstLineLength - 6, ShortMessage.FirstLineLength));
            Assert.That(line, Does.EndWith("word…"));
        });
    }

    [Test]
    public void A_deep_path_stands_on_its_own_line_and_does_not_shorten_the_why()
    {
        var deep = string.Join('/', Enumerable.Repeat("folder", 20)) + "/conda.yml";
        var lines = Text(Result([(deep, Spec)], [Finding(WarningRule, deep, 4, 5, 4, 10, LongMessage)])).Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo(deep));
            Assert.That(lines[1], Does.EndWith("is not pinned with '==' to one version"));
            Assert.That(lines[1].Length, Is.LessThanOrEqualTo(ShortMessage.FirstLineLength));
        });
    }

    [Test]
    public void Repeated_findings_of_a_rule_in_a_file_are_grouped_under_the_first()
    {
        var result = Result([("a.yml", Spec), ("b.yml", Spec)], [
            Finding(WarningRule, "a.yml", 4, 5, 4, 10),
            Finding(ErrorRule, "a.yml", 3, 5, 3, 8),
            Finding(WarningRule, "a.yml", 5, 5, 5, 10),
            Finding(WarningRule, "a.yml", 6, 5, 6, 10),
            Finding(WarningRule, "b.yml", 4, 5, 4, 10),
        ]);
        var lines = Text(result).Split('\n');
        Assert.That(lines[..7], Is.EqualTo(new[]
        {
            "a.yml",
            "  3:5  error    PG102 pip-unpinned  message",
            "  4:5  warning  PG106 dependency-unpinned  message",
            "       … and 2 more PG106 at lines 5, 6",
            "b.yml",
            "  4:5  warning  PG106 dependency-unpinned  message",
            string.Empty,
        }));
    }

    [Test]
    public void The_closing_summary_counts_per_rule_and_names_the_busiest_files()
    {
        var findings = Enumerable.Range(1, 3).Select(i => Finding(WarningRule, "a.yml", i, 1, i, 2))
            .Append(Finding(ErrorRule, "b.yml", 2, 1, 2, 2))
            .Append(Finding(NoticeRule, "b.yml", 3, 1, 3, 2));
        var text = Text(Result([("a.yml", Spec), ("b.yml", Spec)], findings));
        Assert.That(text, Does.EndWith(
            "\nFindings per rule:\n" +
            "  PG102 pip-unpinned            1 error\n" +
            "  PG106 dependency-unpinned     3 warnings\n" +
            "  PG112 pip-timeout-not-raised  1 notice\n" +
            "Files with findings:\n" +
            "  3  a.yml\n" +
            "  2  b.yml\n" +
            "A rule in full: pipelineguard explain PG102; every finding with its source line and fix: --verbose.\n" +
            "\n2 files checked: 1 error, 3 warnings, 1 notice; failed (--fail-on error)\n"));
    }

    [Test]
    public void Verbose_shows_every_finding_in_full_with_its_source_line_and_fix()
    {
        var result = Result([("a.yml", Spec)], [Finding(WarningRule, "a.yml", 4, 5, 4, 10, LongMessage, "numpy==2.1.0"), Finding(WarningRule, "a.yml", 5, 5, 5, 10)]);
        var text = Text(result, verbose: true);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith($"a.yml:4:5: warning PG106 dependency-unpinned: {LongMessage}\n 4 |   - numpy\n   |     ^^^^^\n    fix: numpy==2.1.0\n"));
            Assert.That(text, Does.Contain("a.yml:5:5: warning PG106 dependency-unpinned: message\n"));
            Assert.That(text, Does.Not.Contain("… and"));
        });
    }

    [Test]
    public void A_clean_run_is_the_verdict_line_alone()
    {
        Assert.That(Text(Result([("a.yml", Spec)], [])), Is.EqualTo("1 file checked: 0 errors, 0 warnings, 0 notices; passed\n"));
    }

    [Test]
    public void Compact_is_one_full_line_per_finding_and_nothing_else()
    {
        var result = Result([("a.yml", Spec)], [Finding(WarningRule, "a.yml", 4, 5, 4, 10, LongMessage), Finding(WarningRule, "a.yml", 5, 5, 5, 10, "x\u001b[2Jy")]);
        Assert.That(Run("compact", result).Output, Is.EqualTo(
            $"a.yml:4:5: warning PG106 {LongMessage}\n" +
            "a.yml:5:5: warning PG106 x?[2Jy\n"));
    }

    [TestCase("a; b. C", "a")]
    [TestCase("use e.g. 'x'. Then", "use e.g. 'x'")]
    [TestCase("pins 3.11. then more", "pins 3.11. then more")]
    [TestCase("no clause at all", "no clause at all")]
    public void The_short_message_is_the_first_clause(string message, string expected)
    {
        Assert.That(ShortMessage.Of(message, 200), Is.EqualTo(expected));
    }
}

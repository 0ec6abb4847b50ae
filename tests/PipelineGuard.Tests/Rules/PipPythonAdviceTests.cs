using PipelineGuard.Analysis;
using PipelineGuard.Model;
using PipelineGuard.Tests.Support;
using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Tests.Rules;

/// <summary>
/// PG102, PG103 and PG135 together, on the environment's Python: one finding per pip token, and every fix names a
/// pip that runs on that Python and fails fast. Each fix is applied and the spec checked again.
/// </summary>
public sealed class PipPythonAdviceTests
{
    private static readonly string[] PipRules = ["PG102", "PG103", "PG135"];

    private static string Spec(string channel, string python, string pip) =>
        $"channels:\n  - {channel}\ndependencies:\n  - python={python}\n  - {pip}\n  - pip:\n      - transformers==4.44.2\n";

    // (python, pip with conda-forge first) -> the one rule that speaks, or null, and the fix it gives. An unpinned pip
    // gets the newest pip that runs on the Python (fail-fast everywhere but on 3.6, where it is 21.3.1): PG102's.
    // A fix never leaves what the entry itself asks for when it only needs pinning (pip>=26.1: no 26.0.1).
    [TestCase("3.8", "pip", "PG102", "pip=25.0.1")]
    [TestCase("3.11", "pip", "PG102", "pip=26.0.1")]
    [TestCase("3.12", "pip", "PG102", "pip=26.0.1")]
    [TestCase("3.13", "pip", "PG102", "pip=26.0.1")]
    [TestCase("3.8", "pip>=21", "PG102", "pip=25.0.1")]
    [TestCase("3.11", "pip>=21", "PG102", "pip=26.0.1")]
    [TestCase("3.12", "pip>=21", "PG102", "pip=26.0.1")]
    [TestCase("3.13", "pip>=21", "PG102", "pip=26.0.1")]
    [TestCase("3.8", "pip=20.2.4", null, null)]
    [TestCase("3.11", "pip=20.2.4", null, null)]
    [TestCase("3.12", "pip=20.2.4", "PG135", "pip=26.0.1")]
    [TestCase("3.13", "pip=20.2.4", "PG135", "pip=26.0.1")]
    [TestCase("3.8", "pip=21.2.4", "PG103", "pip=25.0.1")]
    [TestCase("3.11", "pip=21.2.4", "PG103", "pip=26.0.1")]
    [TestCase("3.12", "pip=21.2.4", "PG135", "pip=26.0.1")]
    [TestCase("3.13", "pip=23.1.1", "PG135", "pip=26.0.1")]
    [TestCase("3.8", "pip=26.0.1", "PG135", "pip=25.0.1")]
    [TestCase("3.11", "pip=26.0.1", null, null)]
    [TestCase("3.12", "pip=26.0.1", null, null)]
    [TestCase("3.13", "pip=26.0.1", null, null)]
    [TestCase("3.12", "pip=23.1.2", null, null)]
    [TestCase("3.8", "pip<20.3", null, null)]
    [TestCase("3.11", "pip<20.3", null, null)]
    [TestCase("3.12", "pip<20.3", "PG135", "pip=26.0.1")]
    [TestCase("3.13", "pip<20.3", "PG135", "pip=26.0.1")]
    [TestCase("3.11.9", "conda-forge::pip", "PG102", "conda-forge::pip=26.0.1")]
    [TestCase("3.6", "pip", "PG103", null)]
    [TestCase("3.6", "pip>=21", "PG103", null)]
    [TestCase("3.11", "pip<23", "PG103", "pip=26.0.1")]
    [TestCase("3.12", "pip>=26.1", "PG102", null)]
    public void With_conda_forge_first_one_rule_speaks_and_its_fix_runs_on_the_python(string python, string pip, string? rule, string? fix)
    {
        var findings = Lint.Findings(("env.yml", Spec("conda-forge", python, pip))).Where(f => PipRules.Contains(f.RuleId)).ToList();
        Assert.That(findings.Select(f => f.RuleId), Is.EqualTo(rule is null ? Array.Empty<string>() : new[] { rule }));
        if (rule is not null)
        {
            Assert.That(findings[0].Fix, Is.EqualTo(fix));
            Assert.That(findings[0].Span.ToString(), Is.EqualTo($"env.yml:5:5-5:{5 + pip.Length}"));
        }
    }

    [TestCase("3.8", "pip", "pip=25.0.1")]
    [TestCase("3.12", "pip>=23", "pip=26.0.1")]
    [TestCase("3.12", "pip<=20.3", "pip=26.0.1")]
    public void With_defaults_first_an_unpinned_pip_is_a_warning_with_a_pin_for_the_python(string python, string pip, string fix)
    {
        var findings = Lint.Findings(("env.yml", Spec("defaults", python, pip))).Where(f => PipRules.Contains(f.RuleId)).ToList();
        var expected = pip == "pip<=20.3" && python == "3.12" ? "PG135" : "PG102";
        Assert.That(findings.Select(f => f.RuleId), Is.EqualTo(new[] { expected }));
        Assert.That(findings[0].Fix, Is.EqualTo(fix));
        if (expected == "PG102")
        {
            Assert.That(findings[0].Severity, Is.EqualTo(Severity.Warning));
        }
    }

    [Test]
    public void The_guides_pip_below_20_3_counts_as_a_pin()
    {
        // It admits only released pips, the newest always 20.2.4: as reproducible as pip=20.2.4, on any channel.
        Assert.Multiple(() =>
        {
            Assert.That(Lint.Findings(("env.yml", Spec("conda-forge", "3.11", "pip<20.3"))).Where(f => PipRules.Contains(f.RuleId)), Is.Empty);
            Assert.That(Lint.Findings(("env.yml", Spec("defaults", "3.11", "pip<20.3"))).Where(f => PipRules.Contains(f.RuleId)), Is.Empty);
        });
    }

    private static IEnumerable<TestCaseData> Matrix() =>
        from channel in new[] { "conda-forge", "defaults" }
        from python in new[] { "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14" }
        from pip in new[] { "pip", "pip>=20", "pip<20.3", "pip<=22", "pip=20.2.4", "pip=21.2.4", "pip=22.3.1", "pip=23.1.1", "pip=24.0", "pip=25.0.1", "pip=26.0.1", "conda-forge::pip" }
        select new TestCaseData(channel, python, pip).SetName($"{channel} python={python} {pip}");

    [TestCaseSource(nameof(Matrix))]
    public void Every_fix_runs_on_the_python_fails_fast_and_leaves_no_pip_finding_when_applied(string channel, string python, string pip)
    {
        var spec = Spec(channel, python, pip);
        var findings = Lint.Findings(("env.yml", spec)).Where(f => PipRules.Contains(f.RuleId)).ToList();
        Assert.That(findings, Has.Count.LessThanOrEqualTo(1), "one finding per pip token");
        if (findings is not [{ Fix: { } fix } finding])
        {
            return;
        }

        var minor = python.Split('.') is [var major, var rest] ? (int.Parse(major, System.Globalization.CultureInfo.InvariantCulture), int.Parse(rest, System.Globalization.CultureInfo.InvariantCulture)) : default;
        var version = fix[(fix.LastIndexOf('=') + 1)..];
        Assert.Multiple(() =>
        {
            Assert.That(PipReleaseFacts.RunsOn(version, minor), Is.True, $"pip {version} runs on Python {python}");
            Assert.That(PipReleaseFacts.HangRisk.Contains(CondaVersion.Parse(version)), Is.False, $"pip {version} fails fast");
        });

        var fixedSpec = Apply(spec, finding.Span, fix);
        Assert.That(Lint.Findings(("env.yml", fixedSpec)).Where(f => PipRules.Contains(f.RuleId)), Is.Empty, fixedSpec);
    }

    /// <summary>Replaces a one-line span of the text, as an editor applying the fix would.</summary>
    private static string Apply(string text, SourceSpan span, string replacement)
    {
        var lines = text.Split('\n');
        var line = lines[span.Line - 1];
        lines[span.Line - 1] = line[..(span.Column - 1)] + replacement + line[(span.EndColumn - 1)..];
        return string.Join('\n', lines);
    }
}

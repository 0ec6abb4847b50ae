using PipelineGuard.Configuration;
using PipelineGuard.Engine;
using PipelineGuard.Model;
using PipelineGuard.Reporting;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Engine;

public sealed class SuppressionTests
{
    private const string Spec = "channels: [defaults]\ndependencies:\n  - python=3.11\n  - numpy{0}\n  - pandas{1}\n";

    private static CheckResult Run(string yaml, Settings? settings = null) =>
        new Checker(Lint.Repo(("env.yml", yaml)), FixedClock.SessionDay).Run(new CheckOptions([]) { Settings = settings ?? Settings.Default });

    [Test]
    public void A_trailing_comment_suppresses_its_line_and_keeps_the_reason()
    {
        var result = Run(string.Format(Spec, "  # pipelineguard: ignore PG106 -- numpy follows the base image", string.Empty));
        Assert.Multiple(() =>
        {
            Assert.That(result.Findings.Only(PipelineGuard.Rules.Pip.DependencyUnpinned.Rule).Select(f => f.Span.Line), Is.EqualTo(new[] { 5 }));
            Assert.That(result.SuppressedFindings.Single().Reason, Is.EqualTo("numpy follows the base image"));
            Assert.That(result.SuppressedFindings.Single().Kind, Is.EqualTo(SuppressionKind.Inline));
        });
    }

    [Test]
    public void A_comment_alone_on_the_line_above_suppresses_the_next_line()
    {
        var yaml = "channels: [defaults]\ndependencies:\n  - python=3.11\n  # pipelineguard: ignore PG106\n  - numpy\n  - pandas\n";
        Assert.That(Run(yaml).Findings.Select(f => (f.RuleId, f.Span.Line)), Is.EqualTo(new[] { ("PG106", 6) }));
    }

    [Test]
    public void Ignore_file_suppresses_every_line_and_several_ids_are_allowed()
    {
        var yaml = "# pipelineguard: ignore-file PG106, PG125 -- legacy environment\ndependencies:\n  - python=3.11\n  - numpy\n  - pandas\n";
        var result = Run(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(result.Findings, Is.Empty);
            Assert.That(result.Suppressed, Is.EqualTo(3));
        });
    }

    [Test]
    public void Allow_inline_ignores_false_disregards_them()
    {
        var yaml = string.Format(Spec, "  # pipelineguard: ignore PG106", string.Empty);
        var result = Run(yaml, Settings.Default with { AllowInlineIgnores = false });
        Assert.Multiple(() =>
        {
            Assert.That(result.Findings.Count(f => f.RuleId == "PG106"), Is.EqualTo(2));
            Assert.That(result.Suppressed, Is.Zero);
        });
    }

    [Test]
    public void A_comment_that_suppresses_nothing_is_a_pg134_notice_on_the_comment()
    {
        var result = Run(string.Format(Spec, "=1.26.4  # pipelineguard: ignore PG106, PG125", string.Empty));
        var stale = result.Findings.Single(f => f.RuleId == "PG134");
        Assert.Multiple(() =>
        {
            Assert.That(stale.Severity, Is.EqualTo(Severity.Notice));
            Assert.That((stale.Span.Line, stale.Span.Column), Is.EqualTo((4, 19)));
            Assert.That(stale.Message, Does.Contain("PG106, PG125"));
        });
    }

    [Test]
    public void An_unknown_rule_in_a_comment_is_a_pg134_warning_naming_the_nearest_rule_and_not_stale()
    {
        var result = Run(string.Format(Spec, "=1.26.4  # pipelineguard: ignore PG1006", string.Empty));
        var problem = result.Findings.Single(f => f.RuleId == "PG134");
        Assert.Multiple(() =>
        {
            Assert.That(problem.Severity, Is.EqualTo(Severity.Warning));
            Assert.That((problem.Span.Line, problem.Span.Column), Is.EqualTo((4, 19)));
            Assert.That(problem.Message, Does.StartWith("unknown rule 'PG1006'; did you mean PG106 (dependency-unpinned)?"));
        });
    }

    [TestCase("  # pipelineguard: ignre PG106", "did you mean 'ignore'?")]
    [TestCase("  # pipelineguard: ignore_file PG106", "did you mean 'ignore-file'?")]
    [TestCase("  # pipelineguard: ignore", "'ignore' names no rule")]
    public void A_misspelt_directive_is_a_pg134_warning(string comment, string message)
    {
        var result = Run(string.Format(Spec, comment, string.Empty));
        Assert.Multiple(() =>
        {
            Assert.That(result.Findings.Single(f => f.RuleId == "PG134").Message, Does.Contain(message));
            Assert.That(result.Findings.Single(f => f.RuleId == "PG134").Severity, Is.EqualTo(Severity.Warning));
            Assert.That(result.Suppressed, Is.Zero);
        });
    }

    [Test]
    public void Rule_settings_turn_rules_off_and_change_severities_after_suppression()
    {
        var yaml = "dependencies:\n  - python=3.11\n  - numpy\n";
        var settings = Settings.Default with { Rules = new Dictionary<string, RuleSetting> { ["PG106"] = RuleSetting.Error, ["PG125"] = RuleSetting.Off } };
        var result = Run(yaml, settings);
        Assert.That(result.Findings.Select(f => (f.RuleId, f.Severity)), Is.EqualTo(new[] { ("PG106", Severity.Error) }));
    }

    [Test]
    public void An_ignore_for_a_rule_that_is_off_is_not_stale()
    {
        var yaml = "channels: [defaults]\ndependencies:\n  - python=3.11\n  - numpy  # pipelineguard: ignore PG106\n";
        var settings = Settings.Default with { Rules = new Dictionary<string, RuleSetting> { ["PG106"] = RuleSetting.Off } };
        Assert.That(Run(yaml, settings).Findings, Is.Empty);
    }

    [Test]
    public void Large_packages_from_the_settings_replace_the_built_in_list()
    {
        var yaml = "channels: [defaults]\ndependencies:\n  - python=3.11\n  - pip=24.2\n  - pip:\n      - torch==2.4.1\n      - My_Big.Model==1.0\n";
        var custom = Settings.Default with { LargePackages = ["my-big-model"] };
        Assert.Multiple(() =>
        {
            Assert.That(Run(yaml).Findings.Single(f => f.RuleId == "PG112").Span.Line, Is.EqualTo(6));
            Assert.That(Run(yaml, custom).Findings.Single(f => f.RuleId == "PG112").Span.Line, Is.EqualTo(7));
        });
    }

    [Test]
    public void A_finding_keeps_its_own_severity_unless_the_configuration_sets_one()
    {
        var workspace = new PipelineGuard.Environments.Workspace([], [], []);
        var notice = new Finding(PipelineGuard.Rules.RuleCatalog.LogRules[0].Info, Severity.Notice, "a retry that later succeeded", SourceSpan.LineOf("build.log", 3));
        var configured = Settings.Default with { Rules = new Dictionary<string, RuleSetting> { [notice.RuleId] = RuleSetting.Warning } };
        Assert.Multiple(() =>
        {
            Assert.That(FindingFilter.Apply([notice], workspace, Settings.Default, null).Kept.Single().Severity, Is.EqualTo(Severity.Notice));
            Assert.That(FindingFilter.Apply([notice], workspace, configured, null).Kept.Single().Severity, Is.EqualTo(Severity.Warning));
        });
    }
}

using System.Text.Json;
using PipelineGuard.Model;
using PipelineGuard.Tests.Support;
using static PipelineGuard.Tests.Reporting.ReportingFixtures;

namespace PipelineGuard.Tests.Reporting;

/// <summary>SARIF <c>fixes</c> (§3.55): one artifact change with one replacement of the fix's target, valid against the schema.</summary>
public sealed class SarifFixesTests
{
    private const string Env = "channels: [conda-forge]\ndependencies:\n  - python=3.12.7\n  - pip=20.2.4\n  - pip:\n      - requests>=2.32\n";

    [Test]
    public void A_finding_with_a_fix_carries_a_replacement_of_its_target_and_the_log_stays_valid()
    {
        var result = Lint.Run(Lint.Repo(("envs/env.yml", Env)));
        var (sarif, _) = Run("sarif", result, GitHubEnvironment("/repo"));
        var results = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var pg135 = results.Single(r => r.GetProperty("ruleId").GetString() == "PG135");
        var change = pg135.GetProperty("fixes")[0].GetProperty("artifactChanges")[0];
        var replacement = change.GetProperty("replacements")[0];
        var deleted = replacement.GetProperty("deletedRegion");
        var target = result.Findings.Single(f => f.RuleId == "PG135").FixTarget;
        Assert.Multiple(() =>
        {
            Assert.That(SarifReporterTests.SchemaErrors(sarif), Is.Empty);
            Assert.That(change.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("envs/env.yml"));
            Assert.That(change.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString(), Is.EqualTo("%SRCROOT%"));
            Assert.That((deleted.GetProperty("startLine").GetInt32(), deleted.GetProperty("startColumn").GetInt32(), deleted.GetProperty("endLine").GetInt32(), deleted.GetProperty("endColumn").GetInt32()),
                Is.EqualTo((target.Line, target.Column, target.EndLine, target.EndColumn)));
            Assert.That(Env.Split('\n')[target.Line - 1][(target.Column - 1)..(target.EndColumn - 1)], Is.EqualTo("pip=20.2.4"));
            Assert.That(replacement.GetProperty("insertedContent").GetProperty("text").GetString(), Is.EqualTo("pip=26.0.1"));
            Assert.That(results.Where(r => r.GetProperty("ruleId").GetString() == "PG106").Select(r => r.TryGetProperty("fixes", out _)), Has.All.False);
        });
    }

    [Test]
    public void A_fix_of_a_log_line_is_advice_and_not_a_sarif_fix()
    {
        var log = new Finding(ErrorRule, Severity.Error, "pip cannot uninstall", new SourceSpan("logs/build.log", 40, 1, 40, 20), "--ignore-installed");
        var (sarif, _) = Run("sarif", Result([("env.yml", Env)], [log]));
        var only = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.Multiple(() =>
        {
            Assert.That(SarifReporterTests.SchemaErrors(sarif), Is.Empty);
            Assert.That(only.TryGetProperty("fixes", out _), Is.False);
            Assert.That(only.GetProperty("properties").GetProperty("fix").GetString(), Is.EqualTo("--ignore-installed"));
        });
    }
}

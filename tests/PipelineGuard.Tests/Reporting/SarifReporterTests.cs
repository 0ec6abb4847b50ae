using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using PipelineGuard.Model;
using PipelineGuard.Reporting;
using PipelineGuard.Rules;
using static PipelineGuard.Tests.Reporting.ReportingFixtures;

namespace PipelineGuard.Tests.Reporting;

public sealed class SarifReporterTests
{
    private const string Spec = "dependencies:\n  - python=3.11.9\n  - pip\n  - numpy\n";

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "sarif-schema-2.1.0.json"))));

    /// <summary>Schema errors of a SARIF text against the SARIF 2.1.0 JSON schema (formats checked too).</summary>
    internal static List<string> SchemaErrors(string sarif)
    {
        var result = Schema.Value.Evaluate(JsonNode.Parse(sarif), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))];
    }

    private static JsonElement Run0(string sarif) => JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];

    [Test]
    public void An_empty_run_is_valid_and_still_has_results_and_every_rule()
    {
        var (sarif, _) = Run("sarif", Result([("a.yml", Spec)], []));
        var run = Run0(sarif);
        Assert.Multiple(() =>
        {
            Assert.That(SchemaErrors(sarif), Is.Empty);
            Assert.That(run.GetProperty("results").GetArrayLength(), Is.Zero);
            Assert.That(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()),
                Is.EqualTo(RuleCatalog.Infos.Select(r => r.Id)));
        });
    }

    [Test]
    public void A_result_has_rule_index_level_region_fingerprint_and_related_locations()
    {
        var logFinding = new Finding(ErrorRule, Severity.Error, "pip could not find numpy", new SourceSpan("logs/build.log", 40, 1, 40, 20))
        {
            Related = [new RelatedLocation(new SourceSpan("envs/a b#.yml", 4, 5, 4, 10), "declared here")],
        };
        var result = Result([("envs/a b#.yml", Spec)], [Finding(NoticeRule, "envs/a b#.yml", 3, 5, 3, 8, "no timeout", "pip=24.2"), logFinding]);
        var (sarif, _) = Run("sarif", result, GitHubEnvironment("/repo"));
        var run = Run0(sarif);
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var notice = run.GetProperty("results")[0];
        var log = run.GetProperty("results")[1];
        var location = log.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Multiple(() =>
        {
            Assert.That(SchemaErrors(sarif), Is.Empty);
            Assert.That(notice.GetProperty("ruleId").GetString(), Is.EqualTo("PG112"));
            Assert.That(rules[notice.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), Is.EqualTo("PG112"));
            Assert.That(notice.GetProperty("level").GetString(), Is.EqualTo("note"));
            Assert.That(notice.GetProperty("properties").GetProperty("fix").GetString(), Is.EqualTo("pip=24.2"));
            Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("envs/a%20b%23.yml"));
            Assert.That(location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString(), Is.EqualTo("%SRCROOT%"));
            Assert.That(location.GetProperty("region").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())),
                Is.EqualTo(new[] { ("startLine", 4), ("startColumn", 5), ("endLine", 4), ("endColumn", 10) }), "the spec line the log finding is about");
            Assert.That(log.GetProperty("relatedLocations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("logs/build.log"));
            Assert.That(log.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString(), Does.Match("^[0-9a-f]{16}:1$"));
        });
    }

    [Test]
    public void Fingerprints_survive_unrelated_edits_and_tell_twins_apart()
    {
        string[] Fingerprints(string content, params int[] lines)
        {
            var findings = lines.Select(l => Finding(WarningRule, "a.yml", l, 5, l, 10));
            var (sarif, _) = Run("sarif", Result([("a.yml", content)], findings));
            return Run0(sarif).GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!).ToArray();
        }

        var before = Fingerprints("dependencies:\n  - numpy\n  - scipy\n  - numpy\n", 2, 3, 4);
        var after = Fingerprints("name: x\n\ndependencies:\n  - python=3.11\n  -   numpy\n  - scipy\n  - numpy\n", 5, 6, 7);
        Assert.Multiple(() =>
        {
            Assert.That(after, Is.EqualTo(before), "lines moved and one was re-indented: same alerts");
            Assert.That(before[0], Is.Not.EqualTo(before[2]), "two identical lines are two alerts");
            Assert.That(before[0].Split(':')[0], Is.EqualTo(before[2].Split(':')[0]));
        });
    }

    [Test]
    public void Extra_rules_such_as_build_log_rules_are_described()
    {
        var logRule = new RuleInfo("PG399", "future-log-rule", Severity.Error, "a log rule");
        var options = new ReporterOptions(false, _ => null) { Rules = [.. RuleCatalog.Infos, logRule], WorkingDirectory = "/repo" };
        var output = new StringWriter();
        new SarifReporter(options).Write(Result([("a.yml", Spec)], [Finding(logRule, "a.yml", 1, 1, 1, 2)]), output);
        var rules = Run0(output.ToString()).GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.Multiple(() =>
        {
            Assert.That(rules[rules.GetArrayLength() - 1].GetProperty("id").GetString(), Is.EqualTo("PG399"));
            Assert.That(SchemaErrors(output.ToString()), Is.Empty);
        });
    }

    [Test]
    public void The_schema_check_itself_catches_an_invalid_file()
    {
        Assert.That(SchemaErrors("""{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[{"message":{}}]}]}"""), Is.Not.Empty);
    }

    [Test]
    public void Suppressed_findings_are_results_with_suppressions_and_their_reasons()
    {
        var fs = Support.Lint.Repo(("env.yml", "channels: [defaults]\ndependencies:\n  - python=3.11\n  - numpy  # pipelineguard: ignore PG106 -- follows the base image\n  - pandas\n"));
        var result = new PipelineGuard.Engine.Checker(fs, Support.FixedClock.SessionDay).Run(new PipelineGuard.Engine.CheckOptions([]));
        var output = new StringWriter();
        new SarifReporter(new ReporterOptions(false, _ => null) { WorkingDirectory = "/repo" }).Write(result, output);
        var results = Run0(output.ToString()).GetProperty("results").EnumerateArray().ToList();
        var suppressed = results.Single(r => r.TryGetProperty("suppressions", out _));
        Assert.Multiple(() =>
        {
            Assert.That(SchemaErrors(output.ToString()), Is.Empty);
            Assert.That(results, Has.Count.EqualTo(2));
            Assert.That(suppressed.GetProperty("suppressions")[0].GetProperty("kind").GetString(), Is.EqualTo("inSource"));
            Assert.That(suppressed.GetProperty("suppressions")[0].GetProperty("justification").GetString(), Is.EqualTo("follows the base image"));
            Assert.That(suppressed.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(4));
        });
    }
}

using PipelineGuard.Engine;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Reporting;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Engine;

public sealed class BaselineTests
{
    private const string Spec = "channels: [defaults]\ndependencies:\n  - python=3.11\n  - numpy\n  - pandas\n";

    private static CheckResult Run(IFileSystem fs, Baseline? baseline = null) =>
        new Checker(fs, FixedClock.SessionDay).Run(new CheckOptions([]) { Baseline = baseline });

    private static Baseline RoundTrip(CheckResult result) =>
        Baseline.Parse(Baseline.From(result.Findings, result.Source).ToJson(), "baseline.json");

    [Test]
    public void A_baseline_suppresses_what_it_recorded()
    {
        var fs = Lint.Repo(("env.yml", Spec));
        var baseline = RoundTrip(Run(fs));
        var result = Run(fs, baseline);
        Assert.Multiple(() =>
        {
            Assert.That(result.Findings, Is.Empty);
            Assert.That(result.Suppressed, Is.EqualTo(2));
            Assert.That(result.SuppressedFindings.Select(s => s.Kind), Is.All.EqualTo(SuppressionKind.Baseline));
        });
    }

    [Test]
    public void Edits_elsewhere_in_the_file_do_not_resurrect_findings()
    {
        var baseline = RoundTrip(Run(Lint.Repo(("env.yml", Spec))));
        var edited = "name: moved-down\n# a comment\n" + Spec + "  - scipy=1.14.1\n";
        Assert.That(Run(Lint.Repo(("env.yml", edited)), baseline).Findings, Is.Empty);
    }

    [Test]
    public void Changing_the_offending_line_reports_it_again()
    {
        var baseline = RoundTrip(Run(Lint.Repo(("env.yml", Spec))));
        var edited = Spec.Replace("  - numpy\n", "  - numpy>=1.24\n", StringComparison.Ordinal);
        Assert.That(Run(Lint.Repo(("env.yml", edited)), baseline).Findings.Select(f => f.Span.Line), Is.EqualTo(new[] { 4 }));
    }

    [Test]
    public void A_new_copy_of_a_recorded_line_is_reported()
    {
        var baseline = RoundTrip(Run(Lint.Repo(("env.yml", Spec))));
        var edited = Spec + "  - numpy\n";
        Assert.That(Run(Lint.Repo(("env.yml", edited)), baseline).Findings.Select(f => f.RuleId), Is.EqualTo(new[] { "PG106" }));
    }

    [Test]
    public void The_file_is_stable_sorted_json()
    {
        var result = Run(Lint.Repo(("b.yml", Spec), ("a.yml", Spec)));
        var json = Baseline.From(result.Findings, result.Source).ToJson();
        Assert.Multiple(() =>
        {
            Assert.That(json, Is.EqualTo(Baseline.From(result.Findings.Reverse().ToList(), result.Source).ToJson()));
            Assert.That(json.IndexOf("\"a.yml\"", StringComparison.Ordinal), Is.LessThan(json.IndexOf("\"b.yml\"", StringComparison.Ordinal)));
            Assert.That(json, Does.Not.Contain("\"line\""));
        });
    }

    [Test]
    public void A_malformed_baseline_is_a_usage_error()
    {
        Assert.That(() => Baseline.Parse("{\"nope\": 1}", "b.json"), Throws.TypeOf<PipelineGuard.Model.UsageException>().With.Message.StartsWith("b.json: not a PipelineGuard baseline"));
    }
}

using System.Text.Json;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>
/// Every real pip log of TestData/pip-logs (raw and wrapped in a classic-builder image-build log) yields its manifest's
/// category as the root cause. The documented hard cases (04a, 12b, 12e, 13a: pip prints a 401, a 403, a wrong index and
/// an incompatible-only package exactly like a missing package at normal verbosity) yield the not-found family with a
/// message that says what else it may be and how to tell.
/// </summary>
public sealed class PipLogFixtureTests
{
    private static readonly Dictionary<string, (string Rule, string Kind)> Expected = new(StringComparer.Ordinal)
    {
        ["package-not-found"] = ("PG303", "package-not-found"),
        ["version-not-found"] = ("PG303", "version-not-found"),
        ["no-compatible-distribution"] = ("*", "no-compatible-distribution"),
        ["dependency-conflict"] = ("PG313", "dependency-conflict"),
        ["hash-mismatch"] = ("PG306", "hash-mismatch"),
        ["hashes-required"] = ("PG306", "hashes-required"),
        ["network-timeout"] = ("PG301", "network-timeout"),
        ["cannot-uninstall-distutils"] = ("PG304", "cannot-uninstall-distutils"),
        ["registry-unauthorized"] = ("PG309", "registry-unauthorized"),
        ["forbidden"] = ("PG311", "forbidden"),
        ["index-not-found"] = ("PG310", "index-not-found"),
        ["requirements-syntax"] = ("PG314", "requirements-syntax"),
        ["requirements-missing-file"] = ("PG325", "requirements-missing-file"),
    };

    private static readonly HashSet<string> HardCases = ["04a", "12b", "12e", "13a"];

    public static IEnumerable<TestCaseData> Cases()
    {
        var manifest = LogTestSupport.TestData("pip-logs", "manifest.json");
        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var id = entry.GetProperty("id").GetString()!;
            var category = entry.GetProperty("category").GetString()!;
            yield return new TestCaseData(id, entry.GetProperty("file").GetString()!, category).SetName($"pip log {id} ({category}) raw");
            if (entry.GetProperty("docker_wrapped").GetString() is { } wrapped)
            {
                yield return new TestCaseData(id, wrapped, category).SetName($"pip log {id} ({category}) docker-wrapped");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Root_cause_matches_the_manifest(string id, string file, string category)
    {
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("pip-logs", file));
        var roots = diagnosis.RootCauses.ToList();

        if (category is "clean" or "resolver-backtracking")
        {
            Assert.That(diagnosis.Findings.Where(f => f.Severity == Severity.Error), Is.Empty, "a successful install yields no error");
            if (category == "resolver-backtracking")
            {
                Assert.That(diagnosis.Findings.Select(f => f.RuleId), Does.Contain("PG307"), "the backtracking is a notice");
            }

            return;
        }

        Assert.That(roots, Has.Count.EqualTo(1), string.Join(" | ", diagnosis.Findings.Select(f => $"{f.Severity} {f.RuleId} {f.Message}")));
        var root = roots[0];
        if (HardCases.Contains(id))
        {
            Assert.Multiple(() =>
            {
                Assert.That(root.Rule.Id, Is.EqualTo("PG303"));
                Assert.That(root.Kind, Is.EqualTo("package-not-found"));
                Assert.That(root.Message, Does.Contain("401/403").And.Contain("404").And.Contain("pip install -vv").And.Contain("no file for this Python"));
            });
            return;
        }

        var (rule, kind) = Expected[category];
        Assert.Multiple(() =>
        {
            Assert.That(root.Kind, Is.EqualTo(kind), root.Message);
            if (rule != "*")
            {
                Assert.That(root.Rule.Id, Is.EqualTo(rule), root.Message);
            }

            Assert.That(diagnosis.Findings.Count(f => f.Severity == Severity.Error), Is.EqualTo(1));
        });
    }
}

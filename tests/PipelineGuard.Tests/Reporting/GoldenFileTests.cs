using PipelineGuard.Engine;
using PipelineGuard.IO;
using PipelineGuard.Reporting;
using PipelineGuard.Rules;

namespace PipelineGuard.Tests.Reporting;

/// <summary>
/// Every format on the bundled examples/, compared with TestData/golden/. Run with PG_UPDATE_GOLDEN=1 to rewrite the
/// golden files in the source tree (then review the diff). The rule set is pinned to the rules these files were
/// written with, so a new rule does not change them; a changed message or position of one of these rules does.
/// </summary>
public sealed class GoldenFileTests
{
    private static readonly string[] GoldenRules = ["PG101", "PG102", "PG103", "PG104", "PG105", "PG106", "PG113", "PG114", "PG122"];

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PipelineGuard.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PipelineGuard.sln not found above the test directory");
    }

    /// <summary>The examples checked from inside examples/ (as a step with working-directory: examples would).</summary>
    private static CheckResult Examples()
    {
        var rules = RuleCatalog.All.Where(r => GoldenRules.Contains(r.Info.Id)).ToList();
        Assert.That(rules.Select(r => r.Info.Id), Is.EqualTo(GoldenRules), "a pinned rule is missing from the catalog");
        return new Checker(new PhysicalFileSystem(Path.Combine(RepositoryRoot(), "examples")), rules, Support.FixedClock.SessionDay).Run(new CheckOptions(["."]));
    }

    private static (string Output, Dictionary<string, string> Files) Report(string format, Dictionary<string, string> env, string? sarifFile = null, bool verbose = false)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new ReporterOptions(false, k => env.GetValueOrDefault(k))
        {
            WorkingDirectory = Path.Combine(RepositoryRoot(), "examples"),
            AppendToFile = (path, text) => files[path] = files.GetValueOrDefault(path, string.Empty) + text,
            NewToken = () => ReportingFixtures.Token,
            SarifFile = sarifFile,
            Verbose = verbose,
            Rules = [.. RuleCatalog.All.Where(r => GoldenRules.Contains(r.Info.Id)).Select(r => r.Info)],
        };
        var output = new StringWriter();
        ReporterFactory.Create(format, options)!.Write(Examples(), output);
        return (output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), files);
    }

    private static Dictionary<string, string> GitHub() => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_WORKSPACE"] = RepositoryRoot(),
        ["GITHUB_STEP_SUMMARY"] = "step_summary",
        ["GITHUB_OUTPUT"] = "set_output",
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_REPOSITORY"] = "octo-org/ml-project",
        ["GITHUB_SHA"] = "4f2a6c1e9b8d7f3a5c2e1d0b9a8f7e6d5c4b3a21",
    };

    [TestCase("text", "examples.txt")]
    [TestCase("compact", "examples.compact.txt")]
    [TestCase("json", "examples.json")]
    [TestCase("sarif", "examples.sarif")]
    [TestCase("markdown", "examples.md")]
    public void Plain_formats_match_their_golden_file(string format, string golden)
    {
        Compare(golden, Report(format, []).Output);
    }

    [Test]
    public void Verbose_text_matches_its_golden_file()
    {
        Compare("examples.verbose.txt", Report("text", [], verbose: true).Output);
    }

    [Test]
    public void The_sarif_golden_file_is_valid_sarif()
    {
        Assert.That(SarifReporterTests.SchemaErrors(Report("sarif", GitHub()).Output), Is.Empty);
    }

    [Test]
    public void The_github_format_matches_its_golden_files()
    {
        var (output, files) = Report("github", GitHub(), sarifFile: "pipelineguard.sarif");
        Assert.Multiple(() =>
        {
            Compare("examples.github.log", output);
            Compare("examples.github-summary.md", files["step_summary"]);
            Compare("examples.github-output.txt", files["set_output"]);
        });
    }

    [Test]
    public void The_azure_format_matches_its_golden_file()
    {
        Compare("examples.azure.log", Report("azure", new() { ["TF_BUILD"] = "True", ["BUILD_SOURCESDIRECTORY"] = "/home/vsts/work/1/s" }).Output);
    }

    private static void Compare(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("PG_UPDATE_GOLDEN") == "1")
        {
            var target = Path.Combine(RepositoryRoot(), "tests", "PipelineGuard.Tests", "TestData", "golden", name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, actual);
            Assert.Warn($"rewrote {name}");
            return;
        }

        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "golden", name);
        Assert.That(File.Exists(path), Is.True, $"{name} is missing: run the tests once with PG_UPDATE_GOLDEN=1");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal)), $"{name} differs (PG_UPDATE_GOLDEN=1 rewrites it)");
    }
}

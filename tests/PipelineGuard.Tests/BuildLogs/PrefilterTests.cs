using PipelineGuard.Diagnosis;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>The two-stage prefilter (anchors, then keywords) loses nothing that searching every keyword on every line finds.</summary>
public sealed class PrefilterTests
{
    public static IEnumerable<string> AllFixtures() =>
        Directory.GetFiles(LogTestSupport.TestData("logs"), "*.log")
            .Concat(Directory.GetFiles(LogTestSupport.TestData("pip-logs", "raw")))
            .Concat(Directory.GetFiles(LogTestSupport.TestData("pip-logs", "docker_wrapped")))
            .Select(Path.GetFileName)
            .Order()
            .Select(f => f!);

    [TestCaseSource(nameof(AllFixtures))]
    public void The_prefilter_gives_the_same_findings_as_an_exhaustive_search(string name)
    {
        var file = Directory.GetFiles(LogTestSupport.TestData(), name, SearchOption.AllDirectories).First();
        using var a = File.OpenRead(file);
        using var b = File.OpenRead(file);
        var fast = BuildLogDiagnoser.Analyze(a, name).Findings.Select(f => $"{f.Severity} {f.RuleId} {f.Span} {f.Message}");
        var full = BuildLogDiagnoser.Analyze(b, name, exhaustive: true).Findings.Select(f => $"{f.Severity} {f.RuleId} {f.Span} {f.Message}");
        Assert.That(fast, Is.EqualTo(full));
    }

    [Test]
    public void Every_keyword_is_reached_by_an_anchor_a_line_start_or_its_line()
    {
        var unreached = SignatureKeywords.All.Distinct().Where(k =>
            !SignatureKeywords.Anchors.Any(a => k.Contains(a, StringComparison.OrdinalIgnoreCase)) &&
            !SignatureKeywords.LineStarts.Any(s => k.StartsWith(s, StringComparison.Ordinal) || s.StartsWith(k, StringComparison.Ordinal)) &&
            !SignatureKeywords.ReachedThroughTheirLine.Contains(k));
        Assert.That(unreached, Is.Empty);
    }

    [TestCase("WARNING: Retrying (Retry(total=4)) after connection broken by 'ReadTimeoutError(...)': /simple/x/")]
    [TestCase("ERROR: No matching distribution found for x")]
    [TestCase("unauthorized: authentication required")]
    [TestCase("#5 412.7 Killed")]
    [TestCase("× Cannot uninstall ruamel-yaml 0.15.87")]
    [TestCase("terminate called after throwing an instance of 'std::bad_alloc'")]
    [TestCase("[CredentialProvider]DeviceFlow: https://pkgs.dev.azure.com/contoso")]
    [TestCase("pip._vendor.resolvelib.resolvers.ResolutionTooDeep: 200000")]
    [TestCase("  E: Unable to locate package curl")]
    [TestCase("Solving environment: ...working... ")]
    [TestCase("OSError: [Errno 28] No space left on device")]
    [TestCase("write /var/lib/docker/tmp/x: no space left on device")]
    [TestCase("InvalidMatchSpec: Invalid spec 'a=>1': bad")]
    [TestCase("InvalidVersionSpec: Invalid version '1=': bad")]
    [TestCase("ERROR conda.core.link:_execute(502): An error occurred while installing package 'x::y-1-0'.")]
    [TestCase("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")]
    [TestCase("make: *** No targets specified and no makefile found.  Stop.")]
    [TestCase("ModuleNotFoundError: No module named 'torch'")]
    public void Signature_lines_pass_the_first_stage(string line)
    {
        Assert.That(SignatureKeywords.MayMatch(line), Is.True);
    }

    [TestCase("Requirement already satisfied: numpy>=1.19 in /opt/conda/lib/python3.10/site-packages (1.26.4)")]
    [TestCase("  Downloading https://files.pythonhosted.org/packages/ab/cd/numpy-1.26.4-cp310-cp310-manylinux_2_17_x86_64.whl (18.2 MB)")]
    [TestCase("0e213bbd5814: Pull complete")]
    public void Ordinary_lines_do_not(string line)
    {
        Assert.That(SignatureKeywords.MayMatch(line), Is.False);
    }
}

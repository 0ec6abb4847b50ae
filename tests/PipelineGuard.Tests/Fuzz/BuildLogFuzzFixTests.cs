using System.Text;
using PipelineGuard.Diagnosis;

namespace PipelineGuard.Tests.Fuzz;

/// <summary>
/// The build-log crashes the first fuzzing campaign found, as readable lines: a pip message whose key phrase ends the
/// line (a log cut there, or an invalid byte after it) left nothing after the phrase, and the matcher took the missing
/// rest for granted. The AFL inputs themselves are under TestData/fuzz/build-log/.
/// </summary>
public sealed class BuildLogFuzzFixTests
{
    [TestCase("ERROR: Could not find a version that satisfies the requirement")]
    [TestCase("ERROR: Could not find a version that satisfies the requirement\uFFFDnumpy (from versions: none)")]
    [TestCase("ERROR: Cannot uninstall")]
    [TestCase("ERROR: Cannot uninstall_0")]
    [TestCase("pip: error: no such option")]
    [TestCase("pip: error: no such optione)")]
    public void A_pip_message_cut_after_its_key_phrase_is_read_without_an_exception(string line)
    {
        var log = "Collecting numpy\n" + line + "\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(log));
        Assert.That(() => BuildLogDiagnoser.Analyze(stream, "build.log"), Throws.Nothing);
    }
}

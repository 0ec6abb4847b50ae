using PipelineGuard.Fuzz;

namespace PipelineGuard.Tests.Fuzz;

/// <summary>
/// Every input a fuzzing campaign found crashing or hanging a reader is kept under TestData/fuzz/TARGET/ and fed to
/// its target here: the reader must return (a problem is fine) without an exception. Inputs whose fix is pending in
/// a reader are kept under TestData/fuzz/TARGET/pending/ and run by the ignored test below until that fix lands.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static string FuzzData => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "fuzz");

    private static IEnumerable<TestCaseData> Inputs(bool pending)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "TestData", "fuzz");
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var inputs = pending ? Path.Combine(folder, "pending") : folder;
            if (!Directory.Exists(inputs))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(inputs).Order(StringComparer.Ordinal))
            {
                var target = Path.GetFileName(folder);
                yield return new TestCaseData(target, Path.GetRelativePath(root, file)).SetName($"{target}: {Path.GetFileName(file)}");
            }
        }
    }

    private static IEnumerable<TestCaseData> FixedInputs() => Inputs(pending: false);

    private static IEnumerable<TestCaseData> PendingInputs() => Inputs(pending: true);

    [TestCaseSource(nameof(FixedInputs))]
    public void Crash_input_is_read_without_an_exception(string target, string file) => AssertReads(target, file);

    [TestCaseSource(nameof(PendingInputs))]
    [Ignore("fuzz crash: fix pending in the reader")]
    public void Pending_crash_input_is_read_without_an_exception(string target, string file) => AssertReads(target, file);

    [Test]
    public void Every_folder_names_a_target()
    {
        var folders = Directory.Exists(FuzzData) ? Directory.EnumerateDirectories(FuzzData).Select(Path.GetFileName) : [];
        Assert.That(folders, Is.SubsetOf(FuzzTargets.All.Select(t => t.Name)));
    }

    private static void AssertReads(string target, string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FuzzData, file));
        Assert.That(() => FuzzTargets.Find(target)!.Run(bytes), Throws.Nothing);
    }
}

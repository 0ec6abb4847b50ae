using System.Text;
using PipelineGuard.Online.Conda;

namespace PipelineGuard.Tests.Online;

public sealed class RepodataReaderTests
{
    private static Task<string> Reduce(string json) => RepodataReader.Reduce(new MemoryStream(Encoding.UTF8.GetBytes(json)), CancellationToken.None);

    [Test]
    public async Task Both_package_formats_reduce_to_names_and_their_versions()
    {
        var compact = await Reduce("""
            {"info": {"subdir": "linux-64"},
             "packages": {"LibCXX-16.0.6-h0.tar.bz2": {"name": "LibCXX", "version": "16.0.6", "depends": ["x"], "build": "h0"}},
             "packages.conda": {"libcxx-17.0.6-h1.conda": {"name": "libcxx", "version": "17.0.6", "sha256": "00"},
                                "numpy-1.26.4-py310.conda": {"name": "numpy", "version": "1.26.4"}},
             "removed": []}
            """);
        var index = RepodataReader.Read(compact)!;
        Assert.Multiple(() =>
        {
            Assert.That(index.Keys, Is.EquivalentTo(new[] { "libcxx", "numpy" }));
            Assert.That(index["libcxx"], Is.EquivalentTo(new[] { "16.0.6", "17.0.6" }));
        });
    }

    [TestCase("[1, 2]")]
    [TestCase("{\"info\": {}}")]
    [TestCase("{\"packages\": ")]
    public async Task What_is_not_repodata_is_no_answer(string json) => Assert.That(RepodataReader.Read(await Reduce(json)), Is.Null);
}

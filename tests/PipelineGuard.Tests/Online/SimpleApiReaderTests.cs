using PipelineGuard.Online.Pip;

namespace PipelineGuard.Tests.Online;

public sealed class SimpleApiReaderTests
{
    private static readonly FakeFile[] Files =
    [
        new("demo-1.0-py3-none-any.whl", ">=3.8", Yanked: true),
        new("demo-1.0.tar.gz", "<4,>=3.8"),
        new("demo-2.0-cp311-cp311-manylinux_2_17_x86_64.whl"),
    ];

    [Test]
    public void Json_and_html_pages_read_to_the_same_files()
    {
        var json = SimpleApiReader.Read("demo", FakePypi.Json("demo", Files), "application/vnd.pypi.simple.v1+json")!;
        var html = SimpleApiReader.Read("demo", FakePypi.Html("demo", Files), "text/html")!;
        var expected = Files.Select(f => new DistributionFile(f.FileName, f.RequiresPython, f.Yanked)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(json.Files, Is.EqualTo(expected));
            Assert.That(html.Files, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Versions_come_from_wheel_and_sdist_names_even_when_the_name_holds_dashes()
    {
        var page = new ProjectPage("azureml-core", [new("azureml-core-1.38.0.tar.gz", null, false), new("azureml_core-1.39.0-py3-none-any.whl", null, false), new("azureml-core-1.0.win32.exe", null, false)]);
        Assert.That(page.Versions.Select(v => v.ToString()), Is.EqualTo(new[] { "1.38.0", "1.39.0" }));
    }

    [Test]
    public void A_page_that_is_not_json_is_read_as_html_and_broken_json_is_nothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SimpleApiReader.Read("x", "{\"files\": [", "application/vnd.pypi.simple.v1+json"), Is.Null);
            Assert.That(SimpleApiReader.Read("x", "<html><body></body></html>", "text/html")!.Files, Is.Empty);
            Assert.That(SimpleApiReader.Read("x", "<a href='x-1.0.zip' data-yanked>x-1.0.zip</a>", null)!.Files.Single().Yanked, Is.True);
        });
    }
}

using System.Text;
using PipelineGuard.Documents.Tree;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.Documents.Tree;

public sealed class JsonTreeReaderTests
{
    [Test]
    public void Containers_span_from_their_opening_to_their_closing_bracket_after_multibyte_text()
    {
        var text = "{\"note\": \"caf\u00e9 \u2713 \U0001F600\",\n \"python\": {\"condaDependencies\": [\"a\", {\"pip\": []}]}}\n";
        var root = (DocMapping)JsonTreeReader.Read(new SourceText("azureml_environment.json", text)).Root!;
        var python = (DocMapping)root.Get("python")!;
        var deps = (DocSequence)python.Get("condaDependencies")!;
        Assert.Multiple(() =>
        {
            Assert.That(root.Span.ToString(), Is.EqualTo("azureml_environment.json:1:1-2:54"));
            Assert.That(python.Span.ToString(), Is.EqualTo("azureml_environment.json:2:12-2:53"));
            Assert.That(deps.Span.ToString(), Is.EqualTo("azureml_environment.json:2:34-2:52"));
            Assert.That(((DocMapping)deps.Items[1]).Span.ToString(), Is.EqualTo("azureml_environment.json:2:40-2:51"));
        });
    }

    [Test]
    public void A_large_data_file_with_many_containers_is_read_in_one_pass()
    {
        // The shape of a COCO annotation file that ML repositories keep beside their environments: tens of thousands
        // of small objects. Mapping each container's start after its children made the reader quadratic.
        var text = new StringBuilder("{\"images\": [\n");
        for (var i = 0; i < 40_000; i++)
        {
            text.Append(i == 0 ? string.Empty : ",\n").Append("  {\"file_name\": \"").Append(i).Append(".jpg\", \"bbox\": [1, 2, 3, 4]}");
        }

        text.Append("\n]}\n");
        var root = (DocMapping)JsonTreeReader.Read(new SourceText("coco.json", text.ToString())).Root!;
        var images = (DocSequence)root.Get("images")!;
        Assert.Multiple(() =>
        {
            Assert.That(images.Items, Has.Count.EqualTo(40_000));
            Assert.That(images.Items[^1].Span.ToString(), Is.EqualTo("coco.json:40001:3-40001:51"));
        });
    }
}

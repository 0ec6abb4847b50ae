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
        // The shape of a COCO annotation file that ML repositories keep beside their environments: many small objects.
        // Mapping each container's start after its children made the reader quadratic. 1,100 objects of 9 nodes stay
        // under the node bound.
        var text = Coco(1_100);
        var root = (DocMapping)JsonTreeReader.Read(new SourceText("coco.json", text)).Root!;
        var images = (DocSequence)root.Get("images")!;
        Assert.Multiple(() =>
        {
            Assert.That(images.Items, Has.Count.EqualTo(1_100));
            Assert.That(images.Items[^1].Span.ToString(), Is.EqualTo("coco.json:1101:3-1101:50"));
        });
    }

    [Test]
    public void A_data_file_past_the_node_bound_stops_with_a_positioned_problem()
    {
        // 3 nodes (the object, "images", the array), then 9 per image: node 10,001 is the 3rd number of image 1,111 (line 1,112).
        var result = JsonTreeReader.Read(new SourceText("coco.json", Coco(40_000)));
        Assert.Multiple(() =>
        {
            Assert.That(result.Root, Is.Null);
            Assert.That(result.Problem!.Span.Line, Is.EqualTo(1112));
            Assert.That(result.Problem.Message, Does.Contain($"more than {YamlTreeReader.MaxNodes} keys and values"));
        });
    }

    [Test]
    public void A_lone_surrogate_escape_is_a_positioned_problem_not_a_crash()
    {
        // Issue 18: "Cannot read incomplete UTF-16 JSON text as string with missing low surrogate" ended the run (exit 3).
        var result = JsonTreeReader.Read(new SourceText("azureml_environment.json", "{\n  \"name\": \"a\\ud800b\"\n}\n"));
        Assert.Multiple(() =>
        {
            Assert.That(result.Root, Is.Null);
            Assert.That(result.Problem!.Span.ToString(), Is.EqualTo("azureml_environment.json:2:11-2:12"));
            Assert.That(result.Problem.Message, Does.Contain("lone surrogate"));
        });
    }

    [Test]
    public void A_lone_surrogate_escape_in_a_key_is_a_positioned_problem_too()
    {
        var result = JsonTreeReader.Read(new SourceText("e.json", "{\"\\udc00\": 1}"));
        Assert.That(result.Problem!.Span.ToString(), Is.EqualTo("e.json:1:2-1:3"));
    }

    private static string Coco(int images)
    {
        var text = new StringBuilder("{\"images\": [\n");
        for (var i = 0; i < images; i++)
        {
            text.Append(i == 0 ? string.Empty : ",\n").Append("  {\"file_name\": \"").Append(i).Append(".jpg\", \"bbox\": [1, 2, 3, 4]}");
        }

        return text.Append("\n]}\n").ToString();
    }
}

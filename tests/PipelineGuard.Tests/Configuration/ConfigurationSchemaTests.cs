using System.Text.Json.Nodes;
using Json.Schema;
using PipelineGuard.Configuration;
using PipelineGuard.Documents.Tree;
using PipelineGuard.Model;
using PipelineGuard.Rules;

namespace PipelineGuard.Tests.Configuration;

/// <summary>docs/schema/pipelineguard.schema.json (for editors) and the loader agree on valid and invalid files.</summary>
public sealed class ConfigurationSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas", "pipelineguard.schema.json"));

    private static JsonNode? ToJson(DocNode? node) => node switch
    {
        DocMapping m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        DocSequence s => new JsonArray(s.Items.Select(ToJson).ToArray()),
        DocScalar { Kind: ScalarKind.Boolean } b => JsonValue.Create(b.AsBoolean!.Value),
        DocScalar { IsNull: true } => null,
        DocScalar s => JsonValue.Create(s.Value),
        _ => null,
    };

    private static bool SchemaAccepts(string yaml) =>
        Schema.Evaluate(ToJson(YamlTreeReader.Read(new SourceText("c.yml", yaml)).Root)).IsValid;

    private static bool LoaderAccepts(string yaml)
    {
        try
        {
            SettingsLoader.Load(new SettingsSources(new SourceText("c.yml", yaml), [], new Dictionary<string, string?>()), RuleCatalog.All.Select(r => r.Info.Id));
            return true;
        }
        catch (ConfigurationError)
        {
            return false;
        }
    }

    [TestCase("fail-on: warning\n")]
    [TestCase("fail-on: none\nrules:\n  PG106: off\n  PG110: error\nexclude: [\"legacy/**\"]\nlarge-packages: [torch, tensorflow, jaxlib]\n")]
    [TestCase("allow-inline-ignores: false\nonline:\n  enabled: false\n  index-url: https://pypi.org/simple\n  conda-channel-url: https://conda.anaconda.org\n")]
    [TestCase("rules:\n  pg125: notice\n")]
    [TestCase("rules:\n  pip-unpinned: off\nselect: [PG101, pip-unpinned]\nignore: PG106, PG108\n")]
    public void Valid_files_pass_both(string yaml)
    {
        Assert.Multiple(() =>
        {
            Assert.That(SchemaAccepts(yaml), Is.True, "schema");
            Assert.That(LoaderAccepts(yaml), Is.True, "loader");
        });
    }

    [TestCase("fail-on: sometimes\n")]
    [TestCase("colour: red\n")]
    [TestCase("rules:\n  PG106: loud\n")]
    [TestCase("rules:\n  PIP UNPINNED: off\n")]
    [TestCase("select: [\"PG 101\"]\n")]
    [TestCase("ignore: [{a: 1}]\n")]
    [TestCase("allow-inline-ignores: maybe\n")]
    [TestCase("online:\n  proxy: http://x\n")]
    [TestCase("online:\n  index-url: ftp://example.com\n")]
    [TestCase("exclude:\n  - {a: 1}\n")]
    public void Invalid_files_fail_both(string yaml)
    {
        Assert.Multiple(() =>
        {
            Assert.That(SchemaAccepts(yaml), Is.False, "schema");
            Assert.That(LoaderAccepts(yaml), Is.False, "loader");
        });
    }
}

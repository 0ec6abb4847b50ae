using PipelineGuard.Configuration;
using PipelineGuard.Model;
using PipelineGuard.Rules;

namespace PipelineGuard.Tests.Configuration;

public sealed class SettingsLoaderTests
{
    private static (Settings Settings, IReadOnlyList<SettingValue> Values) Load(
        string? file = null, Dictionary<string, string>? env = null, Dictionary<string, string?>? flags = null) =>
        SettingsLoader.Load(
            new SettingsSources(file is null ? null : new SourceText(".pipelineguard.yml", file), [.. env ?? []], flags ?? []),
            RuleCatalog.All.Select(r => r.Info.Id));

    [Test]
    public void Defaults_apply_without_any_layer()
    {
        var (settings, values) = Load();
        Assert.Multiple(() =>
        {
            Assert.That(settings.FailOn, Is.EqualTo(Severity.Error));
            Assert.That(settings.AllowInlineIgnores, Is.True);
            Assert.That(settings.Exclude, Is.Empty);
            Assert.That(settings.LargePackages, Is.Null);
            Assert.That(values.Single(v => v.Key == "fail-on").Origin, Is.EqualTo("default"));
        });
    }

    [Test]
    public void Each_layer_overrides_the_one_before()
    {
        const string File = "fail-on: warning\n";
        var input = new Dictionary<string, string> { ["INPUT_FAIL-ON"] = "notice" };
        var both = new Dictionary<string, string> { ["INPUT_FAIL-ON"] = "notice", ["PIPELINEGUARD_FAIL_ON"] = "none" };
        Assert.Multiple(() =>
        {
            Assert.That(Load(File).Settings.FailOn, Is.EqualTo(Severity.Warning));
            Assert.That(Load(File, input).Settings.FailOn, Is.EqualTo(Severity.Notice));
            Assert.That(Load(File, both).Settings.FailOn, Is.Null);
            Assert.That(Load(File, both, new() { ["fail-on"] = "error" }).Settings.FailOn, Is.EqualTo(Severity.Error));
            Assert.That(Load(File, both, new() { ["fail-on"] = "error" }).Values.Single(v => v.Key == "fail-on").Origin, Is.EqualTo("command line"));
            Assert.That(Load(File, input).Values.Single(v => v.Key == "fail-on").Origin, Is.EqualTo("INPUT_* (action input)"));
        });
    }

    [Test]
    public void An_empty_value_is_unset_at_every_layer()
    {
        var env = new Dictionary<string, string> { ["INPUT_FAIL-ON"] = "", ["PIPELINEGUARD_FAIL_ON"] = "  " };
        var (settings, values) = Load("fail-on: warning\nexclude:\n", env, new() { ["fail-on"] = "" });
        Assert.Multiple(() =>
        {
            Assert.That(settings.FailOn, Is.EqualTo(Severity.Warning));
            Assert.That(values.Single(v => v.Key == "fail-on").Origin, Is.EqualTo(".pipelineguard.yml"));
        });
    }

    [Test]
    public void Every_key_is_read()
    {
        const string File = """
            fail-on: notice
            rules:
              PG106: off
              PG110: error
              pg111: notice
            exclude: ["legacy/**", "**/*.dev.yml"]
            large-packages: [torch, jaxlib]
            allow-inline-ignores: false
            online:
              enabled: true
              index-url: https://pkgs.example.com/simple
              conda-channel-url: https://conda.example.com
            format: sarif
            output: pg.sarif
            """;
        var settings = Load(File).Settings;
        Assert.Multiple(() =>
        {
            Assert.That(settings.FailOn, Is.EqualTo(Severity.Notice));
            Assert.That(settings.Rules, Is.EquivalentTo(new Dictionary<string, RuleSetting> { ["PG106"] = RuleSetting.Off, ["PG110"] = RuleSetting.Error, ["PG111"] = RuleSetting.Notice }));
            Assert.That(settings.Exclude, Is.EqualTo(new[] { "legacy/**", "**/*.dev.yml" }));
            Assert.That(settings.LargePackages, Is.EqualTo(new[] { "torch", "jaxlib" }));
            Assert.That(settings.AllowInlineIgnores, Is.False);
            Assert.That(settings.OnlineEnabled, Is.True);
            Assert.That(settings.IndexUrl, Is.EqualTo("https://pkgs.example.com/simple"));
            Assert.That(settings.CondaChannelUrl, Is.EqualTo("https://conda.example.com"));
            Assert.That((settings.Format, settings.Output), Is.EqualTo(("sarif", "pg.sarif")));
        });
    }

    [Test]
    public void Environment_variables_set_nested_and_list_keys()
    {
        var env = new Dictionary<string, string>
        {
            ["PIPELINEGUARD_RULES__PG106"] = "off",
            ["PIPELINEGUARD_EXCLUDE"] = "legacy/**, old/**",
            ["PIPELINEGUARD_ALLOW_INLINE_IGNORES"] = "false",
            ["PIPELINEGUARD_BIN"] = "/app/pipelineguard",
            ["INPUT_PATHS"] = "envs",
        };
        var settings = Load(env: env).Settings;
        Assert.Multiple(() =>
        {
            Assert.That(settings.IsOff("PG106"), Is.True);
            Assert.That(settings.Exclude, Is.EqualTo(new[] { "legacy/**", "old/**" }));
            Assert.That(settings.AllowInlineIgnores, Is.False);
        });
    }

    [TestCase("fail-on: sometimes\n", ".pipelineguard.yml:1:1: fail-on: 'sometimes' is not one of error, warning, notice, none")]
    [TestCase("colour: red\n", ".pipelineguard.yml:1:1: colour: unknown key 'colour'")]
    [TestCase("rules:\n  PG999: off\n", ".pipelineguard.yml:2:3: rules.PG999: unknown rule 'PG999'")]
    [TestCase("rules:\n  PG106: loud\n", ".pipelineguard.yml:2:3: rules.PG106: 'loud' is not one of off, notice, warning, error")]
    [TestCase("format: xml\n", ".pipelineguard.yml:1:1: format: 'xml' is not one of auto,")]
    [TestCase("allow-inline-ignores: maybe\n", ".pipelineguard.yml:1:1: allow-inline-ignores: 'maybe' is not true or false")]
    [TestCase("online:\n  index-url: ftp://x\n", ".pipelineguard.yml:2:3: online.index-url: 'ftp://x' is not an http(s) URL")]
    [TestCase("online:\n  proxy: x\n", ".pipelineguard.yml:2:3: online.proxy: unknown key 'online.proxy'")]
    [TestCase("exclude:\n  - {a: 1}\n", ".pipelineguard.yml:2:5: 'exclude' must be a list of strings")]
    [TestCase("fail-on: [error\n", ".pipelineguard.yml:2:1: invalid YAML")]
    [TestCase("- a\n- b\n", ".pipelineguard.yml:1: the configuration must be a mapping of keys")]
    [TestCase("rules: off\n", ".pipelineguard.yml:1:1: rules: 'rules' must be a mapping")]
    [TestCase("online: yes\n", ".pipelineguard.yml:1:1: online: 'online' must be a mapping")]
    [TestCase("rules:\n  pg106: off\n  PG106: error\n", ".pipelineguard.yml:3:3: 'rules.PG106' is given twice (keys ignore case)")]
    public void Invalid_configuration_names_the_file_line_and_key(string file, string message)
    {
        Assert.That(() => Load(file), Throws.TypeOf<ConfigurationError>().With.Message.StartsWith(message));
    }

    [Test]
    public void An_invalid_value_from_the_environment_names_the_key()
    {
        Assert.That(() => Load(env: new() { ["PIPELINEGUARD_FAIL_ON"] = "loud" }),
            Throws.TypeOf<ConfigurationError>().With.Message.EqualTo("PIPELINEGUARD_* (environment): fail-on: 'loud' is not one of error, warning, notice, none"));
    }

    [Test]
    public void A_bad_value_is_blamed_on_the_layer_that_gave_it()
    {
        Assert.That(() => Load("fail-on: warning\n", new() { ["PIPELINEGUARD_FAIL_ON"] = "bogus" }),
            Throws.TypeOf<ConfigurationError>().With.Message.StartsWith("PIPELINEGUARD_* (environment): fail-on: 'bogus'"));
    }

    [Test]
    public void Rules_are_named_by_id_or_name_in_every_layer_and_the_later_layer_wins()
    {
        var (settings, _) = Load("rules:\n  dependency-unpinned: error\n  pip-unpinned: off\n", new() { ["PIPELINEGUARD_RULES__DEPENDENCY_UNPINNED"] = "off" });
        Assert.Multiple(() =>
        {
            Assert.That(settings.IsOff("PG106"), Is.True, "the environment's name beats the file's");
            Assert.That(settings.IsOff("PG102"), Is.True);
            Assert.That(settings.Rules.Keys, Is.EquivalentTo(new[] { "PG102", "PG106" }));
        });
    }

    [Test]
    public void Select_is_whole_per_layer_and_ignore_adds_up()
    {
        var (settings, values) = Load("select: [PG101, PG102]\nignore: [PG103]\n", new() { ["PIPELINEGUARD_IGNORE"] = "PG104" },
            new() { ["select"] = "PG105", ["ignore"] = "PG101" });
        Assert.Multiple(() =>
        {
            Assert.That(settings.Select, Is.EquivalentTo(new[] { "PG105" }));
            Assert.That(settings.Ignore, Is.EquivalentTo(new[] { "PG101", "PG103", "PG104" }));
            Assert.That(settings.IsOff("PG102"), Is.True, "not selected");
            Assert.That(settings.IsOff("PG105"), Is.False);
            Assert.That(values.Single(v => v.Key == "select"), Is.EqualTo(new SettingValue("select", "PG105", "command line")));
            Assert.That(values.Single(v => v.Key == "ignore").Origin, Is.EqualTo(".pipelineguard.yml, PIPELINEGUARD_* (environment), command line"));
            Assert.That(values.Select(v => v.Key), Has.None.StartsWith("select.").And.None.StartsWith("select:"));
        });
    }
}

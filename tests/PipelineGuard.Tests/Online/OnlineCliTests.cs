using PipelineGuard.Cli;
using PipelineGuard.IO;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Online;

/// <summary>The whole CLI with <c>--online</c> and <c>--offline</c>, against the fake index.</summary>
[CancelAfter(60_000)]
public sealed class OnlineCliTests
{
    private string _cache = null!;

    [SetUp]
    public void CreateCache() => _cache = Directory.CreateTempSubdirectory("pg-online-cli-").FullName;

    [TearDown]
    public void DeleteCache() => Directory.Delete(_cache, recursive: true);

    private static FakeIndexServer Index() => new(new FakePypi()
        .With("numpy", new FakeFile("numpy-1.26.4-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"))
        .Answer);

    private (int Code, string Out, string Err) Run(InMemoryFileSystem fs, Dictionary<string, string> env, params string[] args)
    {
        env.TryAdd("XDG_CACHE_HOME", _cache);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = new CliConsole(stdout, stderr, k => env.GetValueOrDefault(k), OutputIsTerminal: false, fs, FixedClock.SessionDay, [.. env]);
        var code = CliApp.Run(args, console);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static Dictionary<string, string> Env(FakeIndexServer server) => new() { ["PIPELINEGUARD_ONLINE__INDEX_URL"] = server.BaseUrl + "/simple" };

    private static InMemoryFileSystem Repo(string requirements = "numpy==1.26.4\ntorchvison==0.15.2\n") => Lint.Repo(("requirements.txt", requirements));

    [Test]
    public void Online_reports_the_missing_package_in_the_chosen_format_and_fails()
    {
        using var server = Index();
        var (code, stdout, _) = Run(Repo(), Env(server), "check", "--online", "--format", "compact");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Findings));
            Assert.That(stdout, Does.Contain("requirements.txt:2:1: error PG201"));
            Assert.That(server.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Without_online_nothing_is_asked()
    {
        using var server = Index();
        var (_, stdout, _) = Run(Repo(), Env(server), "check", "--format", "compact");
        Assert.Multiple(() =>
        {
            Assert.That(server.Requests, Is.Empty);
            Assert.That(stdout, Does.Not.Contain("PG201"));
        });
    }

    [Test]
    public void The_configuration_turns_it_on_and_an_inline_comment_suppresses_a_finding()
    {
        using var server = Index();
        var env = Env(server);
        env["PIPELINEGUARD_ONLINE__ENABLED"] = "true";
        var (code, stdout, _) = Run(Repo("numpy==1.26.4\ntorchvison==0.15.2  # pipelineguard: ignore PG201 -- published next week\n"), env, "check", "--format", "json");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Clean));
            Assert.That(stdout, Does.Not.Contain("\"PG201\"").And.Contain("\"suppressed\": 1"));
        });
    }

    [Test]
    public void A_timeout_gives_one_notice_on_standard_error_and_the_exit_code_of_a_run_without_online()
    {
        using var slow = new FakeIndexServer(_ => IndexAnswer.NotFound with { Delay = TimeSpan.FromSeconds(4) });
        var env = Env(slow);
        env["PIPELINEGUARD_ONLINE__TIMEOUT"] = "1";
        var plain = Run(Repo(), env, "check", "--format", "json");
        var online = Run(Repo(), env, "check", "--online", "--format", "json");
        Assert.Multiple(() =>
        {
            Assert.That(online.Code, Is.EqualTo(plain.Code));
            Assert.That(online.Out, Is.EqualTo(plain.Out));
            Assert.That(online.Err.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(online.Err, Does.StartWith($"pipelineguard: notice: {slow.Host}: timed out after 1 s; not verified: pip packages numpy, torchvison"));
        });
    }

    [Test]
    public void Offline_answers_from_the_cache_of_an_earlier_run_without_a_request()
    {
        using var server = Index();
        Run(Repo(), Env(server), "check", "--online");
        var asked = server.Requests.Count;
        var (code, stdout, _) = Run(Repo(), Env(server), "check", "--offline", "--format", "compact");
        Assert.Multiple(() =>
        {
            Assert.That(server.Requests, Has.Count.EqualTo(asked));
            Assert.That(code, Is.EqualTo(ExitCodes.Findings));
            Assert.That(stdout, Does.Contain("PG201"));
        });
    }

    [TestCase("text")]
    [TestCase("json")]
    [TestCase("sarif")]
    public void Credentials_of_the_index_appear_in_no_output(string format)
    {
        using var server = Index();
        var env = new Dictionary<string, string> { ["PIP_INDEX_URL"] = server.BaseUrl.Replace("http://", "http://ci:Xq7-ci-pat@", StringComparison.Ordinal) + "/simple" };
        var (_, stdout, stderr) = Run(Repo(), env, "check", "--online", "--format", format);
        var config = Run(Repo(), new Dictionary<string, string> { ["PIPELINEGUARD_ONLINE__INDEX_URL"] = env["PIP_INDEX_URL"] }, "config");
        Assert.Multiple(() =>
        {
            Assert.That(server.Requests.First().Headers.ContainsKey("Authorization"), Is.True);
            Assert.That(stdout, Does.Contain("PG201"));
            Assert.That(stdout + stderr + config.Out + config.Err, Does.Not.Contain("Xq7-ci-pat"));
            Assert.That(Directory.GetFiles(_cache, "*", SearchOption.AllDirectories).Select(File.ReadAllText), Has.None.Contain("Xq7-ci-pat"));
        });
    }

    [Test]
    public void Explain_shows_the_page_of_an_online_rule()
    {
        var (code, stdout, _) = Run(new InMemoryFileSystem("/repo"), [], "explain", "package-not-on-index");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Clean));
            Assert.That(stdout, Does.StartWith("# PG201 package-not-on-index"));
        });
    }

    [Test]
    public void An_online_setting_out_of_range_is_a_usage_error()
    {
        var (code, _, stderr) = Run(new InMemoryFileSystem("/repo"), new Dictionary<string, string> { ["PIPELINEGUARD_ONLINE__CONCURRENCY"] = "0" }, "check");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Usage));
            Assert.That(stderr, Does.Contain("online.concurrency: '0' is not a whole number from 1 to 64"));
        });
    }
}

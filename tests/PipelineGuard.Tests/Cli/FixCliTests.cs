using System.Text;
using PipelineGuard.Cli;
using PipelineGuard.IO;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Cli;

public sealed class FixCliTests
{
    // PG135 (pip 20.2.4 cannot run on Python 3.12, fix pip=26.0.1) and PG106 (requests left free, no fix).
    private const string Env = "channels: [conda-forge]\ndependencies:\n  - python=3.12.7\n  - pip=20.2.4   # keep this comment\n  - pip:\n      - requests>=2.32\n";

    private static (int Code, string Out, string Err) Run(IFileSystem fs, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(stdout, stderr, _ => null, OutputIsTerminal: false, fs, FixedClock.SessionDay));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void Without_write_it_prints_the_diff_changes_nothing_and_exits_1()
    {
        var fs = Lint.Repo(("env.yml", Env));
        var (code, stdout, stderr) = Run(fs, "fix");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stdout, Is.EqualTo(
                "--- a/env.yml\n+++ b/env.yml\n@@ -1,6 +1,6 @@\n channels: [conda-forge]\n dependencies:\n   - python=3.12.7\n" +
                "-  - pip=20.2.4   # keep this comment\n+  - pip=26.0.1   # keep this comment\n   - pip:\n       - requests>=2.32\n"));
            Assert.That(stderr, Is.EqualTo("would fix 1 finding in 1 file; run with --write to apply\n"));
            Assert.That(Encoding.UTF8.GetString(fs.ReadAllBytes("/repo/env.yml")), Is.EqualTo(Env));
        });
    }

    [Test]
    public void With_write_it_fixes_checks_again_and_exits_0_and_a_second_run_has_nothing_to_do()
    {
        var fs = Lint.Repo(("env.yml", Env));
        var written = Run(fs, "fix", "--write");
        var again = Run(fs, "fix");
        Assert.Multiple(() =>
        {
            Assert.That(written.Code, Is.Zero);
            Assert.That(written.Out, Does.StartWith("fixed 1 finding in 1 file; ").And.Match(@"; \d+ left"));
            Assert.That(Encoding.UTF8.GetString(fs.ReadAllBytes("/repo/env.yml")), Is.EqualTo(Env.Replace("pip=20.2.4", "pip=26.0.1", StringComparison.Ordinal)));
            Assert.That(again, Is.EqualTo((0, string.Empty, "nothing to fix\n")));
        });
    }

    [Test]
    public void A_named_path_and_a_config_that_turns_the_rule_off_are_honoured()
    {
        var fs = Lint.Repo(("a/env.yml", Env), ("b/env.yml", Env), ("pg.yml", "rules:\n  PG135: off\n"));
        var onlyA = Run(fs, "fix", "a");
        var off = Run(fs, "fix", "--config", "pg.yml");
        Assert.Multiple(() =>
        {
            Assert.That(onlyA.Out, Does.Contain("--- a/a/env.yml").And.Not.Contain("b/env.yml"));
            Assert.That(off, Is.EqualTo((0, string.Empty, "nothing to fix\n")));
        });
    }

    [Test]
    public void Ignore_and_select_take_ids_or_names_as_check_does()
    {
        var fs = Lint.Repo(("env.yml", Env));
        var ignored = Run(fs, "fix", "--ignore", "PG135");
        var otherSelected = Run(fs, "fix", "--select", "pip-not-declared");
        var selected = Run(fs, "fix", "--select", "PG101,PG135");
        var unknown = Run(fs, "fix", "--ignore", "PG1355");
        Assert.Multiple(() =>
        {
            Assert.That(ignored, Is.EqualTo((0, string.Empty, "nothing to fix\n")));
            Assert.That(otherSelected, Is.EqualTo((0, string.Empty, "nothing to fix\n")));
            Assert.That(selected.Code, Is.EqualTo(1));
            Assert.That(selected.Out, Does.Contain("+  - pip=26.0.1"));
            Assert.That(unknown.Code, Is.EqualTo(2));
            Assert.That(unknown.Err, Does.Contain("PG1355").And.Contain("did you mean PG135"));
        });
    }

    [Test]
    public void Help_lists_the_fix_verb()
    {
        var (_, stdout, stderr) = Run(Lint.Repo(), "--help");
        Assert.That(stdout + stderr, Does.Contain("fix"));
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "symbolic links and Unix file modes")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void On_disk_it_writes_the_real_file_keeps_CRLF_and_mode_and_never_writes_through_a_link_out_of_the_repository()
    {
        var top = Directory.CreateTempSubdirectory("pg-fix-cli-");
        try
        {
            var repo = Path.Combine(top.FullName, "repo");
            Directory.CreateDirectory(Path.Combine(repo, ".git"));
            Directory.CreateDirectory(Path.Combine(repo, "envs"));
            var crlf = Env.Replace("\n", "\r\n", StringComparison.Ordinal);
            var inside = Path.Combine(repo, "envs", "environment.yml");
            File.WriteAllText(inside, crlf);
            File.SetUnixFileMode(inside, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
            File.CreateSymbolicLink(Path.Combine(repo, "envs", "alias.yml"), "environment.yml");
            var outside = Path.Combine(top.FullName, "environment.yml");
            File.WriteAllText(outside, Env);
            File.CreateSymbolicLink(Path.Combine(repo, "envs", "outside.yml"), outside);

            var diff = Run(new PhysicalFileSystem(repo), "fix");
            var (code, stdout, _) = Run(new PhysicalFileSystem(repo), "fix", "--write");
            Assert.Multiple(() =>
            {
                Assert.That(diff.Out, Does.StartWith("--- a/envs/environment.yml\n").And.Not.Contain("alias.yml").And.Not.Contain("outside.yml"));
                Assert.That(diff.Err, Does.Contain("alias.yml").And.Contain("through a symbolic link"));
                Assert.That(code, Is.Zero);
                Assert.That(stdout, Does.StartWith("fixed 1 finding in 1 file"));
                Assert.That(File.ReadAllText(inside), Is.EqualTo(crlf.Replace("pip=20.2.4", "pip=26.0.1", StringComparison.Ordinal)));
                Assert.That(File.GetUnixFileMode(inside), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead));
                Assert.That(new FileInfo(Path.Combine(repo, "envs", "alias.yml")).LinkTarget, Is.EqualTo("environment.yml"), "the link stays a link");
                Assert.That(File.ReadAllText(outside), Is.EqualTo(Env), "nothing outside the repository is written");
                Assert.That(Directory.GetFiles(Path.Combine(repo, "envs"), "*.tmp"), Is.Empty);
            });
        }
        finally
        {
            top.Delete(recursive: true);
        }
    }
}

using PipelineGuard.Cli;
using PipelineGuard.IO;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Cli;

/// <summary>A CLI that helps when it is misused: one line on standard error, exit 2, and the nearest spelling.</summary>
public sealed class UsageErrorTests
{
    private const string Spec = "channels: [defaults]\ndependencies:\n  - python=3.11.9\n  - numpy\n";

    private static (int Code, string Out, string Err) Run(IFileSystem fs, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(stdout, stderr, _ => null, false, fs, FixedClock.SessionDay));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [TestCase("did you mean 'check'?", "chek")]
    [TestCase("did you mean 'check'?", "help", "chek")]
    [TestCase("check: unknown option '--formt'; did you mean '--format'?", "check", "--formt", "json")]
    [TestCase("check: unknown option '--fail-one'; did you mean '--fail-on'?", "check", "examples", "--fail-one", "warning")]
    [TestCase("unknown rule 'pip-not-declard'; did you mean PG101 (pip-not-declared)?", "explain", "pip-not-declard")]
    [TestCase("unknown rule 'PG1006'; did you mean PG106 (dependency-unpinned)?", "explain", "PG103", "PG1006")]
    [TestCase("--select: unknown rule 'PG1006'; did you mean PG106 (dependency-unpinned)?", "check", "--select", "PG1006")]
    [TestCase("--ignore: unknown rule 'pip-unpinnd'; did you mean PG102 (pip-unpinned)?", "check", ".", "--ignore=PG101,pip-unpinnd")]
    [TestCase("check: --fail-on needs a value", "check", "--fail-on")]
    [TestCase("--ignore needs a value: rule IDs or names, comma-separated", "check", "--ignore", "--fail-on", "none")]
    [TestCase("check: --config needs a value", "check", "--config", "--fail-on", "none")]
    [TestCase("options come after a command: pipelineguard check --format", "--format", "json")]
    [TestCase("explain: name a rule", "explain")]
    [TestCase("no command given; use one of", new string[0])]
    [TestCase("rules: unknown option '--bogus'", "rules", "--bogus")]
    public void A_usage_error_is_one_line_on_standard_error_with_exit_2(string message, params string[] args)
    {
        var (code, stdout, stderr) = Run(Lint.Repo(("env.yml", Spec)), args);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), stderr);
            Assert.That(stderr, Does.StartWith("pipelineguard: ").And.Contain(message));
        });
    }

    [Test]
    public void An_unknown_rule_in_the_configuration_is_a_usage_error_with_the_nearest_rule()
    {
        var (code, _, stderr) = Run(Lint.Repo(("env.yml", Spec), (".pipelineguard.yml", "rules:\n  pip-not-declard: off\n")), "check");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Is.EqualTo("pipelineguard: invalid configuration: .pipelineguard.yml:2:3: rules.pip-not-declard: unknown rule 'pip-not-declard'; did you mean PG101 (pip-not-declared)?\n"));
        });
    }

    [Test]
    public void The_verb_table_lists_every_verb_attribute_of_the_program_once_by_its_name()
    {
        // The table is written out for start-up's sake; this is the scan it replaces.
        var declared = typeof(Verbs).Assembly.GetTypes()
            .Select(t => (Type: t, Verb: System.Reflection.CustomAttributeExtensions.GetCustomAttribute<CommandLine.VerbAttribute>(t)))
            .Where(v => v.Verb is not null)
            .Select(v => (v.Verb!.Name, v.Type))
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Verbs.All, Is.EqualTo(declared));
            Assert.That(declared.Select(v => Verbs.Named(v.Name)), Is.EqualTo(declared.Select(v => v.Type)), "Named agrees with the table");
            Assert.That(Verbs.Named("nope"), Is.Null);
        });
    }

    [Test]
    public void Every_verb_takes_h_and_help_and_help_verb_shows_its_options()
    {
        var fs = Lint.Repo();
        Assert.Multiple(() =>
        {
            foreach (var verb in UsageErrors.VerbNames)
            {
                foreach (var flag in new[] { "-h", "--help" })
                {
                    var (code, stdout, stderr) = Run(fs, verb, flag);
                    Assert.That((code, stderr), Is.EqualTo((0, string.Empty)), $"{verb} {flag}");
                    Assert.That(stdout, Does.Contain("--help"), $"{verb} {flag}");
                }
            }

            var check = Run(fs, "help", "check");
            Assert.That(check.Code, Is.Zero);
            Assert.That(check.Out, Does.Contain("--fail-on").And.Contain("--select").And.Contain("--ignore"));
            Assert.That(Run(fs, "-h").Out, Does.Contain("explain").And.Contain("check"));
        });
    }

    [Test]
    public void Explain_prints_every_rule_it_is_given_by_id_or_name()
    {
        var (code, stdout, _) = Run(Lint.Repo(), "explain", "PG103", "pip-not-declared");
        var headings = stdout.Split('\n').Where(l => l.StartsWith("# PG", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(headings, Is.EqualTo(new[] { "# PG103 pip-resolver-loop-risk", "# PG101 pip-not-declared" }));
        });
    }

    [Test]
    public void A_folder_without_environment_files_is_said_so_on_standard_error_and_exits_0()
    {
        var fs = Lint.Repo(("docs/README.md", "# nothing to check\n"), ("src/app.py", "print(1)\n"));
        var (code, _, stderr) = Run(fs, "check", "docs", "src");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(stderr.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
            Assert.That(stderr, Does.StartWith("pipelineguard: warning: no environment files found under docs, src; recognised: "));
            Assert.That(stderr, Does.Contain("requirements*.txt").And.Contain("Dockerfile").And.Contain("azureml_environment.json"));
            Assert.That(Run(Lint.Repo(("env.yml", Spec)), "check").Err, Is.Empty);
        });
    }
}

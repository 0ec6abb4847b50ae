using PipelineGuard.Analysis;
using PipelineGuard.Documents.Docker;
using PipelineGuard.Documents.Pip;
using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Rules.Pip;

/// <summary>
/// PG112: the environment installs a large package with pip (<see cref="LargePackages"/>) and nothing raises pip's
/// 15-second read timeout: no <c>--timeout</c>/<c>--default-timeout</c> on the pip command or in the requirements,
/// no <c>PIP_DEFAULT_TIMEOUT</c>/<c>PIP_TIMEOUT</c> in the Dockerfile (ENV, ARG, an assignment in a RUN, <c>pip config
/// set global.timeout</c>), no <c>pip.conf</c>/<c>pip.ini</c> in the build context. One stall while downloading
/// several hundred MB then fails the build with <c>ReadTimeoutError … Read timed out. (read timeout=15)</c>
/// (the guide's time-out scenario). Advice, so a notice, reported once per environment on the first such package.
/// </summary>
internal sealed class PipTimeoutNotRaised : IRule
{
    public static readonly RuleInfo Rule = new("PG112", "pip-timeout-not-raised", Severity.Notice,
        "Large packages (torch, tensorflow, …) are installed with pip and no longer pip timeout is set.");

    private static readonly string[] TimeoutVariables = ["PIP_DEFAULT_TIMEOUT", "PIP_TIMEOUT"];

    private static readonly string[] TimeoutOptions = ["--timeout", "--default-timeout"];

    // pip config set <section>.timeout N (pip's configuration keys are the option names, in any section).
    private static readonly string[] ConfigKeys = ["global.timeout", "install.timeout", "global.default-timeout", "install.default-timeout"];

    public RuleInfo Info => Rule;

    /// <summary>The packages that count as large come from the settings (<c>large-packages</c>), else <see cref="LargePackages.Default"/>.</summary>
    public IEnumerable<Finding> Check(RuleContext context) =>
        context.Workspace.Environments.SelectMany(e => Check(e, context.Settings.LargePackages));

    private static IEnumerable<Finding> Check(AmlEnvironment environment, IReadOnlySet<string> largePackages)
    {
        var dockerfile = environment.Build?.Dockerfile;
        if (SetForEverything(environment, dockerfile))
        {
            yield break;
        }

        foreach (var source in PipSources.Of(environment).Where(s => !s.IsConstraint))
        {
            if (source.Document.Lines.Any(l => TimeoutOptions.Any(o => l.Text.Contains(o, StringComparison.Ordinal))))
            {
                continue;
            }

            foreach (var requirement in source.Document.Requirements)
            {
                if (requirement.Name is { } name && requirement.NormalizedName is { } key && largePackages.Contains(key))
                {
                    yield return Report(name.Span, Message(name.Value, dockerfile is not null ? Where.Dockerfile : environment.Conda is not null ? Where.CondaSpec : Where.RequirementsFile));
                    yield break;
                }
            }
        }

        foreach (var install in PackageInstallReader.Find(dockerfile).Where(i => i.Installer == PackageInstaller.Pip))
        {
            if (TimeoutOptions.Any(o => install.OptionsNamed(o).Any()))
            {
                continue;
            }

            foreach (var word in install.Packages)
            {
                if (NameOf(word.Value) is { } name && largePackages.Contains(Pep508Requirement.Normalize(name.Text)))
                {
                    yield return Report(word.SpanOfValue(name.Start, name.Text.Length), Message(name.Text, Where.Dockerfile));
                    yield break;
                }
            }
        }
    }

    /// <summary>A longer timeout that reaches every pip of the build: a pip.conf in the context, a variable, pip config set.</summary>
    private static Finding Report(SourceSpan span, string message) => new(Rule, Rule.DefaultSeverity, message, span);

    private static bool SetForEverything(AmlEnvironment environment, DockerfileDocument? dockerfile)
    {
        if (environment.Build?.Context is { } context &&
            context.Files.Any(f => f[(f.LastIndexOf('/') + 1)..] is "pip.conf" or "pip.ini"))
        {
            return true;
        }

        if (dockerfile is null)
        {
            return false;
        }

        foreach (var instruction in dockerfile.Instructions)
        {
            if (instruction.KeyValues.Any(kv => TimeoutVariables.Contains(kv.Key.Value)) && (instruction.Is("ENV") || instruction.Is("ARG")))
            {
                return true;
            }
        }

        // PIP_DEFAULT_TIMEOUT=100 pip install …, export PIP_DEFAULT_TIMEOUT=100, pip config set global.timeout 100; in the same
        // commands the installs are read from (ONBUILD RUN, sh -c scripts), so a timeout set where a pip runs is seen.
        return DockerRunCommands.All(dockerfile).Any(run => run.Command.Words.Any(w =>
            TimeoutVariables.Any(v => w.Value.StartsWith(v + "=", StringComparison.Ordinal)) || ConfigKeys.Contains(w.Value)));
    }

    /// <summary>The project name in a pip argument: "torch==2.3.1", "torch[cuda]", or a wheel file's first part.</summary>
    private static (int Start, string Text)? NameOf(string word)
    {
        var (start, length) = WheelFileName.FileNameRange(word);
        if (word.Contains('/', StringComparison.Ordinal) || word.EndsWith(".whl", StringComparison.Ordinal))
        {
            var dash = word.IndexOf('-', start, length);
            return dash > start ? (start, word[start..dash]) : null;
        }

        return RequirementTargetScanner.ScanName(word, 0) is { } name ? (name.Start, word.Substring(name.Start, name.Length)) : null;
    }

    private static string Message(string name, Where where) =>
        $"'{name}' is a download of hundreds of MB and pip waits only 15 s for data by default: one stall fails the build " +
        "with \"ReadTimeoutError … Read timed out. (read timeout=15)\". " +
        where switch
        {
            Where.Dockerfile => "Raise the timeout: 'ENV PIP_DEFAULT_TIMEOUT=100' in the Dockerfile, or 'pip install --timeout 100'.",
            Where.CondaSpec => "Raise the timeout: build the environment from a Dockerfile with 'ENV PIP_DEFAULT_TIMEOUT=100' (a conda " +
                "spec alone cannot set it), or rebuild when it happens.",
            _ => "Raise the timeout where pip runs: 'ENV PIP_DEFAULT_TIMEOUT=100' in the Dockerfile, or 'pip install --timeout 100 " +
                "-r …' (a requirements file cannot set it).",
        };

    private enum Where
    {
        Dockerfile,
        CondaSpec,
        RequirementsFile,
    }
}

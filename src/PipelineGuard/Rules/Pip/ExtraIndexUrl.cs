using PipelineGuard.Documents.Docker;
using PipelineGuard.Documents.Pip;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Pip;

/// <summary>
/// PG116: <c>--extra-index-url</c> (or <c>PIP_EXTRA_INDEX_URL</c>) is used. pip treats every index as equal and
/// takes the highest version of a name from any of them, so anyone who publishes a private package's name on PyPI
/// with a higher version gets their code into the image (dependency confusion). Azure ML's own asset validation
/// refuses <c>extra-index-url</c> in build contexts (azureml-assets <c>validate_assets.py</c>,
/// <c>BUILD_CONTEXT_DISALLOWED_PATTERNS</c>). Read in requirement files, the <c>pip:</c> list and Dockerfile
/// <c>pip install</c>, ENV and ARG. Credentials in the URL never reach the message.
/// </summary>
internal sealed class ExtraIndexUrl : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG116", "extra-index-url", Severity.Warning,
        "--extra-index-url is used (dependency-confusion risk); prefer --index-url with a proxy that serves both.");

    private const string Variable = "PIP_EXTRA_INDEX_URL";

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        foreach (var option in environment.PipRequirements.SelectMany(d => d.AllOptions).Where(o => o.Spec == PipOptions.ExtraIndexUrl))
        {
            yield return Report(option.Span, Message("--extra-index-url", option.Value?.Value));
        }

        if (environment.Build?.Dockerfile is not { } dockerfile)
        {
            yield break;
        }

        foreach (var install in PackageInstallReader.Find(dockerfile).Where(i => i.Installer == PackageInstaller.Pip))
        {
            foreach (var option in install.OptionsNamed("--extra-index-url"))
            {
                yield return Report(option.Span, Message("--extra-index-url", option.Value));
            }
        }

        var runs = DockerRunCommands.All(dockerfile).ToList();
        var runsOf = runs.ToLookup(r => r.Instruction);
        foreach (var instruction in dockerfile.Instructions)
        {
            foreach (var pair in instruction.KeyValues.Where(kv => kv.Key.Value == Variable && (instruction.Is("ENV") || instruction.Is("ARG"))))
            {
                yield return Report(pair.Span, Message($"{instruction.KeywordUpper} {Variable}", pair.Value?.Value));
            }

            foreach (var run in runsOf[instruction])
            {
                // PIP_EXTRA_INDEX_URL=… pip install, env PIP_EXTRA_INDEX_URL=… pip install, export PIP_EXTRA_INDEX_URL=…, also in
                // ONBUILD RUN and sh -c scripts; a "PIP_EXTRA_INDEX_URL=… pip install" script word is read as its commands.
                foreach (var word in run.Command.Words.Where(w => w.Value.StartsWith(Variable + "=", StringComparison.Ordinal) && !IsOpenedScript(runs, run, w)))
                {
                    yield return Report(word.Span, Message(Variable, word.Value[(Variable.Length + 1)..]));
                }
            }
        }
    }

    /// <summary>Whether <paramref name="word"/> is the script of a <c>sh -c</c> whose commands were read one level down.</summary>
    private static bool IsOpenedScript(List<DockerRunCommand> runs, DockerRunCommand run, ShellWord word) =>
        runs.Any(r => r.Depth == run.Depth + 1 && r.Instruction == run.Instruction &&
            r.Command.Words[0].SourceStart >= word.SourceStart && r.Command.Words[0].SourceStart < word.SourceEnd);

    private static string Message(string what, string? url)
    {
        var shown = string.IsNullOrEmpty(url) ? string.Empty : $" '{UrlCredentials.Redact(url)}'";
        return $"{what}{shown} adds a second package index: pip takes the highest version of a name from any index, so a " +
            "package published on PyPI under one of your private names (dependency confusion) can replace yours in the image. " +
            "Use one --index-url that points at a proxy feed serving both (Azure Artifacts upstream sources, Artifactory, devpi).";
    }
}

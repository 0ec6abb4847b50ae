using PipelineGuard.Analysis;
using PipelineGuard.Documents.Docker;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Docker;

/// <summary>
/// PG118: a Dockerfile <c>RUN pip install</c> (or <c>conda install</c>, <c>pipx install</c>) names a package without
/// one exact version. Unlike hadolint DL3013: a range (<c>&gt;=</c>, <c>~=</c>) is not a pin, <c>-r</c>/<c>-c</c> do
/// not hide the other packages of the command (the files are checked as requirements by PG106), option values are
/// never packages, and <c>bash -c "…"</c> scripts, heredocs, <c>python -m pip</c> and <c>conda run</c> are looked into.
/// Guide: "Unpinned dependencies". A warning, like PG106.
/// </summary>
internal sealed class DockerfilePipUnpinned : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG118", "dockerfile-pip-unpinned", Severity.Warning,
        "A Dockerfile RUN pip install (or conda install) installs a package without an exact version.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        foreach (var install in PackageInstallReader.Find(environment.Build?.Dockerfile).Where(i => !i.IsUpdate))
        {
            foreach (var word in install.Packages)
            {
                // 'pip install x>=1' unquoted: PG130 reports the redirection and quotes the spec; saying 'x has no version' too
                // would send the author to add a version that is already written.
                if (UnquotedSpecInShell.IsUnquotedSpec(install.Command.Words, install.Command.IndexOf(word)))
                {
                    continue;
                }

                var unpinned = install.Installer == PackageInstaller.Conda ? PackagePin.Conda(word.Value) : PackagePin.Pip(word.Value);
                if (unpinned is null)
                {
                    continue;
                }

                var kind = install.Installer == PackageInstaller.Conda ? "conda" : "pip";
                yield return Report(word.Span,
                    $"'{install.Invocation} {word.Value}': {kind} package '{unpinned.Name}' {unpinned.Reason}; each build installs " +
                    "the newest match, so the image can change or break between builds. " +
                    $"Pin it, e.g. '{unpinned.Suggestion}' (or install from a pinned requirements file).");
            }
        }
    }
}

using System.Text;
using PipelineGuard.Documents.Docker;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Docker;

/// <summary>
/// PG130: <c>RUN conda install pip&lt;=20.1</c> or <c>pip install "x"&gt;=1</c> without quotes. The shell takes
/// <c>&lt;</c>/<c>&gt;</c> as a redirection: conda or pip gets only the bare name, and the shell either fails to read a
/// file <c>=20.1</c> ("cannot open =20.1: No such file") or writes the output into one. Guide: the conda "bare redirection"
/// case of "Troubleshoot environment image builds". Only an operator glued to a package operand counts, followed by a
/// version: <c>pip install x &gt; /tmp/log</c>, <c>2&gt;&amp;1</c> and <c>x&gt;/dev/null</c> are real redirections.
/// </summary>
internal sealed class UnquotedSpecInShell : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG130", "unquoted-conda-spec-in-shell", Severity.Error,
        "A conda or pip version spec with '<' or '>' is not quoted in a Dockerfile RUN, so the shell reads a redirection.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Build?.Dockerfile is not { } dockerfile)
        {
            yield break;
        }

        foreach (var run in DockerShellCommands.All(dockerfile))
        {
            if (PackageInstall.Recognize(run.Command) is not { } install)
            {
                continue;
            }

            var words = run.Command.Words;
            foreach (var package in install.Packages)
            {
                var at = words.IndexOf(package);
                if (at < 0 || at + 2 >= words.Length || !IsGluedVersionRedirection(package, words[at + 1], words[at + 2]))
                {
                    continue;
                }

                var op = words[at + 1];
                var spec = GluedText(words, at);
                var quote = run.EnclosingQuote switch { '"' => '\'', '\'' => '"', _ => '"' };
                var fix = spec.Contains(quote, StringComparison.Ordinal) ? null : $"{quote}{spec}{quote}";
                var effect = op.Raw == "<"
                    ? $"sh tries to read a file named '{words[at + 2].Value}', which fails ('cannot open {words[at + 2].Value}: No such file')"
                    : $"its output goes into a file named '{words[at + 2].Value}'";
                yield return Report(op.Span,
                    $"'{spec}' is not quoted, so the shell reads '{op.Raw}' as a redirection: {install.Invocation.Split(' ')[0]} gets only " +
                    $"'{package.Value}' (any version), and {effect}. Quote the spec{(fix is null ? string.Empty : ": " + fix)}.",
                    fix);
            }
        }
    }

    /// <summary>A bare '&lt;' or '&gt;' that starts where the package word ends, followed by a version-like target.</summary>
    private static bool IsGluedVersionRedirection(ShellWord package, ShellWord op, ShellWord target) =>
        op.IsRedirection && op.Raw is "<" or ">" && op.SourceStart == package.SourceEnd &&
        target.IsRedirectionTarget && target.Value.Length > 0 && (target.Value[0] == '=' || char.IsAsciiDigit(target.Value[0]));

    /// <summary>The whole spec as written: the package word and every token glued to it (<c>numpy&gt;=1.2,&lt;1.3</c>).</summary>
    private static string GluedText(IReadOnlyList<ShellWord> words, int at)
    {
        var text = new StringBuilder(words[at].Raw);
        for (var i = at + 1; i < words.Count && words[i].SourceStart == words[i - 1].SourceEnd; i++)
        {
            if (words[i].IsRedirection && words[i].Raw is not ("<" or ">"))
            {
                break;
            }

            text.Append(words[i].Raw);
        }

        return text.ToString();
    }
}

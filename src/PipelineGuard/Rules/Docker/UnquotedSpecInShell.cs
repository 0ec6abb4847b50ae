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
        foreach (var install in PackageInstallReader.Find(environment.Build?.Dockerfile).Where(i => !i.IsUpdate))
        {
            var words = install.Command.Words;
            foreach (var package in install.Packages)
            {
                var at = install.Command.IndexOf(package);
                if (!IsUnquotedSpec(words, at))
                {
                    continue;
                }

                var op = words[at + 1];
                var last = GluedEnd(words, at);
                var spec = string.Concat(words.Skip(at).Take(last - at + 1).Select(w => w.Raw));
                var quote = install.Run.EnclosingQuote switch { '"' => '\'', '\'' => '"', _ => '"' };
                var fix = spec.Contains(quote, StringComparison.Ordinal) ? null : $"{quote}{spec}{quote}";
                var effect = op.Raw == "<"
                    ? $"sh tries to read a file named '{words[at + 2].Value}', which fails ('cannot open {words[at + 2].Value}: No such file')"
                    : $"its output goes into a file named '{words[at + 2].Value}'";
                // The span is the whole unquoted spec, which the fix replaces (not just the operator).
                var finding = Report(package.Span.To(words[last].Span),
                    $"'{spec}' is not quoted, so the shell reads '{op.Raw}' as a redirection: {install.Invocation.Split(' ')[0]} gets only " +
                    $"'{package.Value}' (any version), and {effect}. Quote the spec{(fix is null ? string.Empty : ": " + fix)}.",
                    fix);

                // A '<' anywhere in the spec fails the build (the file cannot be opened); '>' alone builds, with
                // whatever version the index has today and the install log in a stray file: a reproducibility
                // risk, not a breakage.
                var reads = words.Skip(at + 1).Take(last - at).Any(w => w.IsRedirection && w.Raw == "<");
                yield return reads ? finding : finding with { Severity = Severity.Warning };
            }
        }
    }

    /// <summary>Is the package operand at <paramref name="at"/> the name part of an unquoted spec (PG118 leaves those to this rule)?</summary>
    public static bool IsUnquotedSpec(IReadOnlyList<ShellWord> words, int at) =>
        at >= 0 && at + 2 < words.Count && IsGluedVersionRedirection(words[at], words[at + 1], words[at + 2]);

    /// <summary>A bare '&lt;' or '&gt;' that starts where the package word ends, followed by a version-like target.</summary>
    private static bool IsGluedVersionRedirection(ShellWord package, ShellWord op, ShellWord target) =>
        op.IsRedirection && op.Raw is "<" or ">" && op.SourceStart == package.SourceEnd &&
        target.IsRedirectionTarget && target.Value.Length > 0 && (target.Value[0] == '=' || char.IsAsciiDigit(target.Value[0]));

    /// <summary>The index of the last word of the spec as written: the package word and every token glued to it (<c>numpy&gt;=1.2,&lt;1.3</c>).</summary>
    private static int GluedEnd(IReadOnlyList<ShellWord> words, int at)
    {
        var last = at;
        for (var i = at + 1; i < words.Count && words[i].SourceStart == words[i - 1].SourceEnd; i++)
        {
            if (words[i].IsRedirection && words[i].Raw is not ("<" or ">"))
            {
                break;
            }

            last = i;
        }

        return last;
    }
}

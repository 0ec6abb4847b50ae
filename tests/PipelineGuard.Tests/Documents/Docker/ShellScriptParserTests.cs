using PipelineGuard.Documents.Docker;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.Documents.Docker;

public sealed class ShellScriptParserTests
{
    private static List<ParseProblem> _problems = [];

    private static IReadOnlyList<ShellCommand> Parse(string script)
    {
        var source = new SourceText("s.sh", script);
        var offsets = Enumerable.Range(0, script.Length + 1).ToArray();
        _problems = [];
        return ShellScriptParser.Parse(new LogicalText(source, script, offsets), _problems);
    }

    private static string[] Values(ShellCommand command) => [.. command.Words.Select(w => w.Value)];

    [Test]
    public void Splits_on_operators_and_newlines()
    {
        var commands = Parse("a 1 && b 2 || c; d | e & f\ng\n\n(h; i)");
        Assert.Multiple(() =>
        {
            Assert.That(commands.Select(c => c.Name!.Value), Is.EqualTo(new[] { "a", "b", "c", "d", "e", "f", "g", "h", "i" }));
            Assert.That(commands.Select(c => c.Terminator), Is.EqualTo(new[] { "&&", "||", ";", "|", "&", "\n", "\n", ";", ")" }));
        });
    }

    [Test]
    public void Quotes_escapes_and_substitutions()
    {
        var commands = Parse("echo 'a b' \"c $HOME $(uname -m)\" d\\ e `date` ${X:-y} $'z\\n' \"q\\\"r\"");
        var words = commands.Single().Words;
        Assert.Multiple(() =>
        {
            Assert.That(words.Select(w => w.Value), Is.EqualTo(new[] { "echo", "a b", "c $HOME $(uname -m)", "d e", "`date`", "${X:-y}", "z\\n", "q\"r" }));
            Assert.That(words.Select(w => w.HasQuotes), Is.EqualTo(new[] { false, true, true, true, false, false, true, true }));
            Assert.That(words[2].HasExpansion, Is.True);
            Assert.That(words[1].HasExpansion, Is.False);
            Assert.That(words[2].Raw, Is.EqualTo("\"c $HOME $(uname -m)\""));
        });
    }

    [Test]
    public void Operators_inside_substitutions_do_not_split()
    {
        var commands = Parse("export A=$(cat f | tr -d '\\n' && echo \")\") B=`x;y` && next");
        Assert.Multiple(() =>
        {
            Assert.That(commands.Select(c => c.Name!.Value), Is.EqualTo(new[] { "export", "next" }));
            Assert.That(commands[0].Words[1].Value, Is.EqualTo("A=$(cat f | tr -d '\\n' && echo \")\")"));
        });
    }

    [TestCase("a > f", new[] { ">" }, new[] { "f" })]
    [TestCase("a >> f 2>&1", new[] { ">>", "2>&1" }, new[] { "f" })]
    [TestCase("a 2>/dev/null", new[] { "2>" }, new[] { "/dev/null" })]
    [TestCase("a &> log", new[] { "&>" }, new[] { "log" })]
    [TestCase("pip<=20.1", new[] { "<" }, new[] { "=20.1" })]
    [TestCase("a <<< text", new[] { "<<<" }, new[] { "text" })]
    [TestCase("a >&2", new[] { ">&2" }, new string[0])]
    public void Redirections_are_separate_tokens(string script, string[] operators, string[] targets)
    {
        var command = Parse(script).Single();
        Assert.Multiple(() =>
        {
            Assert.That(command.Redirections.Select(w => w.Raw), Is.EqualTo(operators));
            Assert.That(command.Words.Where(w => w.IsRedirectionTarget).Select(w => w.Value), Is.EqualTo(targets));
            Assert.That(command.Name!.Value, Is.EqualTo(script.StartsWith("pip", StringComparison.Ordinal) ? "pip" : "a"));
        });
    }

    [Test]
    public void Redirection_span_is_exact()
    {
        var command = Parse("conda install pip<=20.1").Single();
        Assert.That(command.Redirections.Single().Span, Is.EqualTo(new SourceSpan("s.sh", 1, 18, 1, 19)));
    }

    [Test]
    public void Assignments_wrappers_and_reserved_words()
    {
        var commands = Parse("PIP_NO_CACHE=1 sudo -u root env -i A=1 pip install x; if [ -f y ]; then conda install z; fi");
        Assert.Multiple(() =>
        {
            Assert.That(commands[0].Assignments.Single().Value, Is.EqualTo("PIP_NO_CACHE=1"));
            Assert.That(commands[0].Name!.Value, Is.EqualTo("sudo"));
            Assert.That(commands[0].EffectiveArguments.Select(w => w.Value), Is.EqualTo(new[] { "pip", "install", "x" }));
            Assert.That(commands.Select(c => c.Name!.Value), Is.EqualTo(new[] { "sudo", "[", "conda" }));
        });
    }

    [Test]
    public void Comments_and_nested_heredocs_in_scripts_are_skipped()
    {
        var commands = Parse("# setup\npip install a # why\ncat <<EOF > /etc/x\nnot && a command\nEOF\nconda list");
        Assert.That(commands.Select(c => string.Join(' ', Values(c))), Is.EqualTo(new[] { "pip install a", "cat << EOF > /etc/x", "conda list" }));
    }

    [Test]
    public void Bash_c_argument_can_be_parsed_again_with_file_positions()
    {
        var command = Parse("bash -c \"pip install x && conda install y\"").Single();
        var inner = command.Arguments[2].ParseValueAsScript();
        Assert.Multiple(() =>
        {
            Assert.That(inner.Select(c => c.Name!.Value), Is.EqualTo(new[] { "pip", "conda" }));
            Assert.That(inner[1].Arguments[2].Span, Is.EqualTo(new SourceSpan("s.sh", 1, 41, 1, 42)));
        });
    }

    [TestCase("echo 'abc", 6, "unterminated single quote")]
    [TestCase("echo \"abc", 6, "unterminated double quote")]
    [TestCase("echo $(abc", 6, "unterminated $( command substitution")]
    [TestCase("echo `abc", 6, "unterminated backquote")]
    public void Unterminated_constructs_are_reported_where_they_open(string script, int column, string message)
    {
        Parse(script);
        Assert.Multiple(() =>
        {
            Assert.That(_problems.Single().Message, Is.EqualTo(message));
            Assert.That(_problems.Single().Span.Column, Is.EqualTo(column));
        });
    }

    [Test]
    public void Line_continuation_inside_a_script_joins_words()
    {
        var commands = Parse("pip install \\\n  a\\\nb");
        Assert.That(commands.Single().Arguments.Select(a => a.Value), Is.EqualTo(new[] { "pip", "install", "ab" }));
    }
}

using PipelineGuard.Documents.Docker;
using PipelineGuard.Model;
using static PipelineGuard.Tests.Documents.Docker.DockerTestText;

namespace PipelineGuard.Tests.Documents.Docker;

public sealed class DockerfileProblemTests
{
    [Test]
    public void Unknown_instruction_is_reported_at_its_keyword()
    {
        var doc = Read("FROM x", "  RUNN pip install y");
        var problem = doc.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.Message, Is.EqualTo("unknown instruction: RUNN"));
            Assert.That(problem.Span, Is.EqualTo(new SourceSpan("Dockerfile", 2, 3, 2, 7)));
            Assert.That(doc.Instructions[1].IsKnown, Is.False);
        });
    }

    [TestCase("RUN", "RUN requires at least one argument")]
    [TestCase("ENV", "ENV requires at least one argument")]
    [TestCase("WORKDIR   ", "WORKDIR requires exactly one argument")]
    [TestCase("user", "USER requires exactly one argument")]
    [TestCase("FROM", "FROM requires either one or three arguments")]
    [TestCase("COPY a.txt", "COPY requires at least two arguments, but only one was provided. Destination could not be determined")]
    [TestCase("SHELL /bin/bash -c", "SHELL requires the arguments to be in JSON form")]
    [TestCase("ENV K", "ENV must have two arguments")]
    [TestCase("ENV A=1 B", "Syntax error - can't find = in \"B\". Must be of the form: name=value")]
    [TestCase("FROM a b", "FROM requires either one or three arguments")]
    public void Missing_or_wrong_arguments_are_reported(string line, string message)
    {
        var doc = Read(line);
        Assert.Multiple(() =>
        {
            Assert.That(doc.Problems.Select(p => p.Message), Is.EqualTo(new[] { message }));
            Assert.That(doc.Problems.Single().Span.Line, Is.EqualTo(1));
        });
    }

    [Test]
    public void Unterminated_heredoc_is_reported_at_its_marker()
    {
        var doc = Read("FROM x", "RUN <<EOF", "pip install y", "EOF2");
        var problem = doc.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.Message, Does.StartWith("unterminated heredoc"));
            Assert.That(problem.Span, Is.EqualTo(new SourceSpan("Dockerfile", 2, 5, 2, 10)));
            Assert.That(doc.Instructions[1].Heredocs.Single().Lines.Select(l => l.Value), Is.EqualTo(new[] { "pip install y", "EOF2" }));
            Assert.That(doc.Instructions[1].Heredocs.Single().IsTerminated, Is.False);
        });
    }

    [Test]
    public void Unterminated_quote_is_reported_at_the_quote_also_after_a_continuation()
    {
        var doc = Read("FROM x", "RUN pip install \\", "   \"numpy>=1.2 && echo x");
        var problem = doc.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.Message, Is.EqualTo("unterminated double quote"));
            Assert.That(problem.Span, Is.EqualTo(new SourceSpan("Dockerfile", 3, 4, 3, 5)));
        });
    }

    [Test]
    public void Unterminated_single_quote_in_env_is_reported()
    {
        var doc = Read("FROM x", "ENV A='b c");
        Assert.That(doc.Problems.Single().Span, Is.EqualTo(new SourceSpan("Dockerfile", 2, 7, 2, 8)));
    }

    [Test]
    public void Continuation_at_end_of_file_is_reported_at_the_escape()
    {
        var doc = DockerfileReader.Read(new SourceText("Dockerfile", "FROM x\nRUN pip install y \\  \n# trailing comment\n"));
        var problem = doc.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.Message, Does.StartWith("line continuation at end of file"));
            Assert.That(problem.Span, Is.EqualTo(new SourceSpan("Dockerfile", 2, 19, 2, 20)));
            Assert.That(doc.Instructions[1].ArgumentText, Is.EqualTo("pip install y"));
        });
    }

    [Test]
    public void Duplicate_and_invalid_directives_are_reported()
    {
        var doc = Read("# escape=x", "# escape=`", "FROM a");
        Assert.Multiple(() =>
        {
            Assert.That(doc.Problems.Select(p => p.Message), Is.EqualTo(new[]
            {
                "invalid escape token 'x' does not match ` or \\",
                "only one escape parser directive can be used",
            }));
            Assert.That(doc.Problems[0].Span, Is.EqualTo(new SourceSpan("Dockerfile", 1, 10, 1, 11)));
            Assert.That(doc.EscapeCharacter, Is.EqualTo('\\'));
        });
    }

    [Test]
    public void Empty_file_has_no_instructions()
    {
        var doc = DockerfileReader.Read(new SourceText("Dockerfile", "# only a comment\n\n"));
        Assert.That(doc.Problems.Single().Message, Is.EqualTo("file with no instructions"));
    }
}

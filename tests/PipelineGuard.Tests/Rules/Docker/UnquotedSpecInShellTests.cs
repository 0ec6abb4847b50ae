using PipelineGuard.Rules.Docker;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Docker;

public sealed class UnquotedSpecInShellTests
{
    private const string Base = "FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240909.v1\n";

    private static IReadOnlyList<PipelineGuard.Model.Finding> Pg130(string run) =>
        Lint.Findings(("Dockerfile", Base + run + "\n")).Only(UnquotedSpecInShell.Rule);

    [TestCase("RUN conda install -y pip<=20.1.1", "Dockerfile:2:22-2:33", "\"pip<=20.1.1\"")]
    [TestCase("RUN conda install -c conda-forge -y python=3.8 pip<20.3 && conda clean -ay", "Dockerfile:2:48-2:56", "\"pip<20.3\"")]
    [TestCase("RUN pip install numpy>=1.24", "Dockerfile:2:17-2:28", "\"numpy>=1.24\"")]
    [TestCase("RUN pip install pandas>=1.1,<1.2", "Dockerfile:2:17-2:33", "\"pandas>=1.1,<1.2\"")]
    [TestCase("RUN mamba install -y 'numpy'>1.2", "Dockerfile:2:22-2:33", "\"'numpy'>1.2\"")]
    [TestCase("RUN python -m pip install --no-cache-dir scipy>1.10", "Dockerfile:2:42-2:52", "\"scipy>1.10\"")]
    [TestCase("RUN bash -c \"conda install -y pip<=20.1.1\"", "Dockerfile:2:31-2:42", "'pip<=20.1.1'")]
    [TestCase("RUN sh -c 'pip install numpy>=1.24'", "Dockerfile:2:24-2:35", "\"numpy>=1.24\"")]
    public void A_glued_operator_is_reported_on_the_whole_spec_that_the_fix_quotes(string run, string place, string fix)
    {
        var finding = Pg130(run).Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Span.ToString(), Is.EqualTo(place));
            Assert.That(finding.Fix, Is.EqualTo(fix));
        });
    }

    [TestCase("RUN pip install x > /tmp/log")]
    [TestCase("RUN pip install x >/tmp/log")]
    [TestCase("RUN pip install x>/dev/null 2>&1")]
    [TestCase("RUN conda install -y numpy 2>&1 | tee /tmp/conda.log")]
    [TestCase("RUN conda install -y \"pip<=20.1.1\" 'numpy>=1.2'")]
    [TestCase("RUN pip install -r requirements.txt>/tmp/pip.log")]
    [TestCase("RUN echo numpy>=1.2 > /tmp/constraints.txt")]
    [TestCase("RUN cat requirements.txt | grep -v torch>/tmp/r.txt")]
    [TestCase("RUN [\"pip\", \"install\", \"numpy>=1.24\"]")]
    public void Real_redirections_and_quoted_specs_are_not_reported(string run)
    {
        Assert.That(Pg130(run), Is.Empty);
    }

    [Test]
    public void The_message_says_what_the_shell_does()
    {
        var less = Pg130("RUN conda install -y pip<=20.1.1").Single();
        var greater = Pg130("RUN pip install numpy>=1.24").Single();
        Assert.Multiple(() =>
        {
            Assert.That(less.Message, Does.Contain("'pip<=20.1.1' is not quoted").And.Contain("cannot open =20.1.1: No such file"));
            Assert.That(greater.Message, Does.Contain("pip gets only 'numpy' (any version)").And.Contain("a file named '=1.24'"));
            Assert.That(less.Severity, Is.EqualTo(PipelineGuard.Model.Severity.Error));
        });
    }

    [TestCase("RUN conda install -y pip<=20.1.1", "Error")]
    [TestCase("RUN pip install pandas>=1.1,<1.2", "Error")]
    [TestCase("RUN pip install numpy>=1.24", "Warning")]
    [TestCase("RUN python -m pip install --no-cache-dir scipy>1.10", "Warning")]
    public void A_read_redirection_fails_the_build_and_a_write_one_only_unpins(string run, string severity)
    {
        Assert.That(Pg130(run).Single().Severity.ToString(), Is.EqualTo(severity));
    }

    [Test]
    public void A_heredoc_script_is_checked()
    {
        var run = "RUN <<EOF\nconda install -y -c conda-forge \\\n    pip<=20.1.1\nEOF";
        Assert.That(Pg130(run).Places(), Is.EqualTo(new[] { "Dockerfile:4:5-4:16" }));
    }
}

using PipelineGuard.Documents.Docker;

namespace PipelineGuard.Tests.Documents.Docker;

/// <summary>The one reader of Dockerfile installs: each shape a RUN line takes, and the exact spans it keeps.</summary>
public sealed class PackageInstallReaderTests
{
    private static (DockerfileDocument Document, List<PackageInstall> Installs) Read(params string[] lines)
    {
        var document = DockerTestText.Read(["FROM python:3.11-slim", .. lines]);
        return (document, PackageInstallReader.Find(document).ToList());
    }

    /// <summary>Each install as "tool sub-command: package, package", packages shown as the text their spans cover.</summary>
    private static string[] Shown(params string[] lines)
    {
        var (document, installs) = Read(lines);
        return [.. installs.Select(i =>
            $"{i.Installer} {i.Subcommand.Value}: {string.Join(", ", i.Packages.Select(p => DockerTestText.Covered(document, p.Span)))}")];
    }

    [TestCase("RUN pip install flask", "Pip install: flask")]
    [TestCase("RUN pip3 install flask", "Pip install: flask")]
    [TestCase("RUN pip3.10 install flask", "Pip install: flask")]
    [TestCase("RUN /opt/conda/bin/pip install flask", "Pip install: flask")]
    [TestCase("RUN python -m pip install flask", "Pip install: flask")]
    [TestCase("RUN python3.11 -u -W ignore -m pip install flask", "Pip install: flask")]
    [TestCase("RUN python -mpip install flask", "Pip install: flask")]
    [TestCase("RUN conda install -y -c conda-forge numpy", "Conda install: numpy")]
    [TestCase("RUN mamba install -yc conda-forge numpy", "Conda install: numpy")]
    [TestCase("RUN micromamba create -n env python=3.10 -y", "Conda create: python=3.10")]
    [TestCase("RUN conda run -n py38 pip install flask", "Pip install: flask")]
    [TestCase("RUN conda run --no-capture-output -p /env python -m pip install flask", "Pip install: flask")]
    [TestCase("RUN env PIP_NO_CACHE_DIR=1 pip install flask", "Pip install: flask")]
    [TestCase("RUN sudo -H -u root pip install flask", "Pip install: flask")]
    [TestCase("RUN pipx install black", "Pipx install: black")]
    public void Each_program_shape_is_an_install(string line, string expected)
    {
        Assert.That(Shown(line), Is.EqualTo(new[] { expected }));
    }

    [TestCase("RUN sh -c \"pip install flask\"")]
    [TestCase("RUN bash -c 'pip install flask'")]
    [TestCase("RUN zsh -c \"pip install flask\"")]
    [TestCase("RUN dash -ec \"pip install flask\"")]
    [TestCase("RUN /bin/bash -lc \"pip install flask\"")]
    [TestCase("RUN bash -o pipefail -c \"pip install flask\"")]
    [TestCase("RUN conda run -n env bash -c \"pip install flask\"")]
    [TestCase("RUN [\"/bin/bash\", \"-c\", \"pip install flask\"]")]
    public void A_shell_c_script_is_read_as_shell(string line)
    {
        var (document, installs) = Read(line);
        Assert.Multiple(() =>
        {
            Assert.That(installs, Has.Count.EqualTo(1));
            Assert.That(installs[0].Run.Depth, Is.EqualTo(1));
            Assert.That(DockerTestText.Covered(document, installs[0].Packages.Single().Span), Is.EqualTo("flask"));
            Assert.That(installs[0].Packages.Single().Span.ToString(), Is.EqualTo($"Dockerfile:2:{line.IndexOf("flask", StringComparison.Ordinal) + 1}-2:{line.IndexOf("flask", StringComparison.Ordinal) + 6}"));
        });
    }

    [Test]
    public void A_nested_script_keeps_its_quote_for_fixes()
    {
        var (_, installs) = Read("RUN bash -c \"sh -c 'pip install flask'\"");
        Assert.Multiple(() =>
        {
            Assert.That(installs.Single().Run.Depth, Is.EqualTo(2));
            Assert.That(installs.Single().Run.EnclosingQuote, Is.EqualTo('\''));
        });
    }

    [Test]
    public void An_onbuild_trigger_is_read()
    {
        var (document, installs) = Read("ONBUILD RUN pip install flask");
        Assert.Multiple(() =>
        {
            Assert.That(installs.Single().Run.Instruction.KeywordUpper, Is.EqualTo("ONBUILD"));
            Assert.That(installs.Single().Packages.Single().Span.ToString(), Is.EqualTo("Dockerfile:2:25-2:30"));
            Assert.That(DockerTestText.Covered(document, installs.Single().Span), Is.EqualTo("pip install flask"));
        });
    }

    [Test]
    public void Lists_chains_and_pipes_give_one_install_each()
    {
        Assert.That(
            Shown("RUN apt-get update && pip install a; conda install -y b || pip3 install c | tee log"),
            Is.EqualTo(new[] { "Pip install: a", "Conda install: b", "Pip install: c" }));
    }

    [Test]
    public void Continuation_lines_keep_each_word_on_its_own_line()
    {
        var (_, installs) = Read("RUN pip install \\", "    --no-cache-dir \\", "\tflask==2.0 \\", "    mlflow");
        Assert.That(installs.Single().Packages.Select(p => p.Span.ToString()), Is.EqualTo(new[] { "Dockerfile:4:2-4:12", "Dockerfile:5:5-5:11" }));
    }

    [Test]
    public void A_heredoc_script_is_read()
    {
        var (_, installs) = Read("RUN <<EOF", "set -e", "pip install --no-cache-dir flask", "EOF");
        Assert.That(installs.Single().Packages.Single().Span.ToString(), Is.EqualTo("Dockerfile:4:28-4:33"));
    }

    [Test]
    public void Exec_form_words_point_inside_their_quotes()
    {
        var (_, installs) = Read("RUN [\"pip\", \"install\", \"flask\"]");
        Assert.That(installs.Single().Packages.Single().Span.ToString(), Is.EqualTo("Dockerfile:2:25-2:30"));
    }

    [TestCase("RUN pip download flask")]
    [TestCase("RUN pip uninstall -y flask")]
    [TestCase("RUN echo pip install flask")]
    [TestCase("RUN conda env create -f environment.yml")]
    [TestCase("RUN python -m venv /opt/venv")]
    [TestCase("RUN python -c \"import pip\"")]
    [TestCase("RUN pipenv install")]
    [TestCase("RUN bash install.sh -c \"pip install flask\"")]
    public void Other_commands_are_not_installs(string line)
    {
        Assert.That(Read(line).Installs, Is.Empty);
    }

    [Test]
    public void Options_resolve_to_their_long_names_with_their_values()
    {
        var (document, installs) = Read(
            "RUN pip --timeout 100 install -Ur req.txt -iURL --extra-index https://x/simple --prefix=/usr --no-deps -- -weird");
        var install = installs.Single();
        var options = install.Options.Select(o => $"{o.Name}={o.Value ?? "(flag)"}").ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(options, Is.EqualTo(new[]
            {
                "--timeout=100", "--upgrade=(flag)", "--requirement=req.txt", "--index-url=URL",
                "--extra-index-url=https://x/simple", "--prefix=/usr", "--no-deps=(flag)",
            }));
            Assert.That(install.Packages.Select(p => p.Value), Is.EqualTo(new[] { "-weird" }));
            Assert.That(DockerTestText.Covered(document, install.OptionsNamed("--extra-index-url").Single().Span), Is.EqualTo("--extra-index https://x/simple"));
            Assert.That(DockerTestText.Covered(document, install.OptionsNamed("--prefix").Single().ValueSpan!), Is.EqualTo("/usr"));
            Assert.That(DockerTestText.Covered(document, install.OptionsNamed("--index-url").Single().ValueSpan!), Is.EqualTo("URL"));
            Assert.That(DockerTestText.Covered(document, install.OptionsNamed("--requirement").Single().Span), Is.EqualTo("-Ur req.txt"));
        });
    }

    [Test]
    public void Conda_options_use_the_conda_table()
    {
        var install = Read("RUN conda install -yc conda-forge --name base --file f.txt numpy").Installs.Single();
        Assert.Multiple(() =>
        {
            Assert.That(install.Options.Select(o => $"{o.Name}={o.Value ?? "(flag)"}"), Is.EqualTo(new[]
            {
                "--yes=(flag)", "--channel=conda-forge", "--name=base", "--file=f.txt",
            }));
            Assert.That(install.Packages.Select(p => p.Value), Is.EqualTo(new[] { "numpy" }));
            Assert.That(install.Invocation, Is.EqualTo("conda install"));
        });
    }

    [TestCase("--extra-index", "--extra-index-url")]
    [TestCase("--extra-index-url", "--extra-index-url")]
    [TestCase("--no-cache", "--no-cache-dir")]
    [TestCase("--no-c", null)]
    [TestCase("--nonsense", null)]
    public void Pip_long_options_resolve_as_optparse_abbreviations(string written, string? expected)
    {
        Assert.That(CommandLineOptions.PipInstall.Resolve(written), Is.EqualTo(expected));
    }

    [Test]
    public void Option_values_are_never_packages()
    {
        Assert.That(
            Shown("RUN pip install -i https://u:p@feed/simple --trusted-host feed -t /opt/t -c c.txt -e . X==1"),
            Is.EqualTo(new[] { "Pip install: X==1" }));
    }
}

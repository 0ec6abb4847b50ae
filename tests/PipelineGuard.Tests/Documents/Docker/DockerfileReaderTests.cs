using PipelineGuard.Documents.Docker;
using PipelineGuard.Model;
using static PipelineGuard.Tests.Documents.Docker.DockerTestText;

namespace PipelineGuard.Tests.Documents.Docker;

public sealed class DockerfileReaderTests
{
    private static readonly string[] AzureMl =
    [
        "# syntax=docker/dockerfile:1",                                                              // 1
        "FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230103.v1",                       // 2
        "",                                                                                          // 3
        "# Install miniconda",                                                                       // 4
        "ENV CONDA_VERSION=4.5.1",                                                                   // 5
        "RUN wget https://repo.anaconda.com/miniconda/Miniconda3-4.5.1-Linux-x86_64.sh -O ~/miniconda.sh && bash ~/miniconda.sh -b -p /opt/conda", // 6
        "RUN conda install -y conda=4.5.11 pip<=20.1.1",                                            // 7
        "RUN pip install --no-cache-dir -r requirements.txt torch==2.1.0 \"numpy>=1.2\"",           // 8
        "RUN apt-get update \\",                                                                     // 9
        "    # tools we need",                                                                       // 10
        "    && apt-get install -y \\",                                                              // 11
        "",                                                                                          // 12
        "       git curl \\   ",                                                                     // 13
        "    && rm -rf /var/lib/apt/lists/*",                                                        // 14
        "WORKDIR /app",                                                                              // 15
        "USER azureuser",                                                                            // 16
    ];

    [Test]
    public void Azure_ml_dockerfile_has_its_instructions_with_exact_spans()
    {
        var doc = Read(AzureMl);
        Assert.Multiple(() =>
        {
            Assert.That(doc.Problems, Is.Empty);
            Assert.That(doc.Directives.Select(d => (d.Name.Value, d.Value.Value)), Is.EqualTo(new[] { ("syntax", "docker/dockerfile:1") }));
            Assert.That(doc.Instructions.Select(i => i.KeywordUpper), Is.EqualTo(new[] { "FROM", "ENV", "RUN", "RUN", "RUN", "RUN", "WORKDIR", "USER" }));
            Assert.That(doc.Comments.Select(c => c.Value), Is.EqualTo(new[] { "Install miniconda", "tools we need" }));
            Assert.That(doc.EmptyContinuationLines, Is.EqualTo(new[] { 12 }));

            var from = doc.Instructions[0].From!;
            Assert.That(from.Image.Value, Is.EqualTo("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230103.v1"));
            Assert.That(from.Image.Span, Is.EqualTo(new SourceSpan("Dockerfile", 2, 6, 2, 68)));
            Assert.That(from.StageName, Is.Null);

            var env = doc.Instructions[1].KeyValues.Single();
            Assert.That((env.Key.Value, env.Value!.Value), Is.EqualTo(("CONDA_VERSION", "4.5.1")));
            Assert.That(env.Value.Span, Is.EqualTo(new SourceSpan("Dockerfile", 5, 19, 5, 24)));

            var wget = doc.Instructions[2].Run!.Commands;
            Assert.That(wget.Select(c => c.Name!.Value), Is.EqualTo(new[] { "wget", "bash" }));
            Assert.That(wget[0].Terminator, Is.EqualTo("&&"));
            Assert.That(wget[1].Arguments.Select(w => w.Value), Is.EqualTo(new[] { "bash", "~/miniconda.sh", "-b", "-p", "/opt/conda" }));

            var apt = doc.Instructions[5];
            Assert.That(apt.Span, Is.EqualTo(new SourceSpan("Dockerfile", 9, 1, 14, 35)));
            Assert.That(apt.ArgumentText, Is.EqualTo("apt-get update     && apt-get install -y        git curl     && rm -rf /var/lib/apt/lists/*"));
            var commands = apt.Run!.Commands;
            Assert.That(commands.Select(c => string.Join(' ', c.Arguments.Select(w => w.Value))), Is.EqualTo(new[]
            {
                "apt-get update", "apt-get install -y git curl", "rm -rf /var/lib/apt/lists/*",
            }));
            var curl = commands[1].Arguments[^1];
            Assert.That(curl.Span, Is.EqualTo(new SourceSpan("Dockerfile", 13, 12, 13, 16)));
            Assert.That(Covered(doc, commands[1].Span), Is.EqualTo("apt-get install -y \\\n\n       git curl"));

            Assert.That(doc.Instructions[6].SingleArgument!.Value, Is.EqualTo("/app"));
            Assert.That(doc.Instructions[7].SingleArgument!.Span, Is.EqualTo(new SourceSpan("Dockerfile", 16, 6, 16, 15)));
        });
    }

    [Test]
    public void Unquoted_less_than_in_conda_install_is_a_redirection_token()
    {
        var doc = Read(AzureMl);
        var conda = doc.Instructions[3].Run!.Commands.Single();
        Assert.Multiple(() =>
        {
            Assert.That(conda.Words.Select(w => w.Raw), Is.EqualTo(new[] { "conda", "install", "-y", "conda=4.5.11", "pip", "<", "=20.1.1" }));
            Assert.That(conda.Arguments.Select(w => w.Value), Is.EqualTo(new[] { "conda", "install", "-y", "conda=4.5.11", "pip" }));
            var redirect = conda.Redirections.Single();
            Assert.That(redirect.IsRedirection, Is.True);
            Assert.That(redirect.Span, Is.EqualTo(new SourceSpan("Dockerfile", 7, 38, 7, 39)));
            Assert.That(conda.Words[^1].IsRedirectionTarget, Is.True);
            Assert.That(conda.Words[^1].Span, Is.EqualTo(new SourceSpan("Dockerfile", 7, 39, 7, 46)));
        });
    }

    [Test]
    public void Quoted_pip_requirement_keeps_its_operator_and_reports_quotes()
    {
        var doc = Read(AzureMl);
        var pip = doc.Instructions[4].Run!.Commands.Single();
        var numpy = pip.Arguments[^1];
        Assert.Multiple(() =>
        {
            Assert.That(pip.Redirections, Is.Empty);
            Assert.That(numpy.Value, Is.EqualTo("numpy>=1.2"));
            Assert.That(numpy.Raw, Is.EqualTo("\"numpy>=1.2\""));
            Assert.That(numpy.HasQuotes, Is.True);
            Assert.That(Covered(doc, numpy.Span), Is.EqualTo("\"numpy>=1.2\""));
            Assert.That(Covered(doc, numpy.SpanOfValue(0, 5)), Is.EqualTo("numpy"));
            Assert.That(pip.Arguments[5].Value, Is.EqualTo("torch==2.1.0"));
            Assert.That(pip.Arguments[5].HasQuotes, Is.False);
        });
    }

    [Test]
    public void Word_split_by_a_continuation_has_a_span_over_both_lines()
    {
        var doc = Read(
            "RUN pip install torch==2.1.\\",
            "0 numpy");
        var torch = doc.Instructions[0].Run!.Commands[0].Arguments[2];
        Assert.Multiple(() =>
        {
            Assert.That(torch.Value, Is.EqualTo("torch==2.1.0"));
            Assert.That(torch.Span, Is.EqualTo(new SourceSpan("Dockerfile", 1, 17, 2, 2)));
            Assert.That(torch.SpanOfValue(11, 1), Is.EqualTo(new SourceSpan("Dockerfile", 2, 1, 2, 2)));
            var args = doc.Instructions[0].Arguments;
            Assert.That(args.Text, Is.EqualTo("pip install torch==2.1.0 numpy"));
            Assert.That(args.SpanOf(args.Text.IndexOf("numpy", StringComparison.Ordinal), 5), Is.EqualTo(new SourceSpan("Dockerfile", 2, 3, 2, 8)));
        });
    }

    [Test]
    public void Escape_directive_makes_backtick_the_continuation_character()
    {
        var doc = Read(
            "# escape=`",
            "FROM mcr.microsoft.com/windows/servercore:ltsc2022",
            "RUN pip install `   ",
            "    C:\\wheels\\numpy.whl",
            "COPY C:\\src\\ C:\\app\\");
        Assert.Multiple(() =>
        {
            Assert.That(doc.Problems, Is.Empty);
            Assert.That(doc.EscapeCharacter, Is.EqualTo('`'));
            Assert.That(doc.Instructions, Has.Length.EqualTo(3));
            Assert.That(doc.Instructions[1].ArgumentText, Is.EqualTo("pip install     C:\\wheels\\numpy.whl"));
            var copy = doc.Instructions[2].Copy!;
            Assert.That(copy.Sources.Single().Value, Is.EqualTo("C:\\src\\"));
            Assert.That(copy.Destination!.Value, Is.EqualTo("C:\\app\\"));
        });
    }

    [Test]
    public void Directives_stop_at_the_first_other_line()
    {
        var doc = Read("# syntax=docker/dockerfile:1.7", "# check=skip=JSONArgsRecommended", "", "# escape=`", "FROM x", "RUN a \\", "  b");
        Assert.Multiple(() =>
        {
            Assert.That(doc.Directives.Select(d => d.Name.Value), Is.EqualTo(new[] { "syntax", "check" }));
            Assert.That(doc.Directives[1].Value.Value, Is.EqualTo("skip=JSONArgsRecommended"));
            Assert.That(doc.EscapeCharacter, Is.EqualTo('\\'));
            Assert.That(doc.Instructions[1].ArgumentText, Is.EqualTo("a   b"));
        });
    }

    [Test]
    public void Heredocs_are_read_with_their_bodies()
    {
        var doc = Read(
            "FROM python:3.11",                 // 1
            "RUN <<EOF",                        // 2
            "set -e",                           // 3
            "pip install -r requirements.txt",  // 4
            "conda install -y pip<=20.1",       // 5
            "EOF",                              // 6
            "COPY <<-\"END\" /etc/app.conf",    // 7
            "\tkey=$VALUE",                     // 8
            "\tEND",                            // 9
            "RUN python3 <<PY && echo done",    // 10
            "import os; os.system('x')",        // 11
            "PY",                               // 12
            "RUN cat <<A <<B > /out",           // 13
            "a1",                               // 14
            "A",                                // 15
            "b1",                               // 16
            "B",                                // 17
            "USER app");                        // 18
        Assert.Multiple(() =>
        {
            Assert.That(doc.Problems, Is.Empty);
            Assert.That(doc.Instructions.Select(i => i.KeywordUpper), Is.EqualTo(new[] { "FROM", "RUN", "COPY", "RUN", "RUN", "USER" }));

            var run = doc.Instructions[1];
            Assert.That(run.Span, Is.EqualTo(new SourceSpan("Dockerfile", 2, 1, 6, 4)));
            var heredoc = run.Heredocs.Single();
            Assert.That(heredoc.Name.Value, Is.EqualTo("EOF"));
            Assert.That(heredoc.Lines.Select(l => l.Value), Is.EqualTo(new[] { "set -e", "pip install -r requirements.txt", "conda install -y pip<=20.1" }));
            Assert.That(heredoc.Lines[1].Span, Is.EqualTo(new SourceSpan("Dockerfile", 4, 1, 4, 32)));
            Assert.That(heredoc.Terminator, Is.EqualTo(new SourceSpan("Dockerfile", 6, 1, 6, 4)));
            var names = run.Run!.Commands.Where(c => c.Name is not null).Select(c => c.Name!.Value);
            Assert.That(names, Is.EqualTo(new[] { "set", "pip", "conda" }));
            var conda = run.Run.Commands.Single(c => c.Name?.Value == "conda");
            Assert.That(conda.Redirections.Single().Span, Is.EqualTo(new SourceSpan("Dockerfile", 5, 21, 5, 22)));

            var copy = doc.Instructions[2];
            var end = copy.Heredocs.Single();
            Assert.That((end.Name.Value, end.IsQuoted, end.StripTabs), Is.EqualTo(("END", true, true)));
            Assert.That(copy.Copy!.Destination!.Value, Is.EqualTo("/etc/app.conf"));
            Assert.That(copy.Copy.Sources.Single().Value, Is.EqualTo("<<-END"));
            Assert.That(end.Lines.Single().Value, Is.EqualTo("\tkey=$VALUE"));

            var python = doc.Instructions[3].Run!.Commands;
            Assert.That(python.Select(c => c.Name!.Value), Is.EqualTo(new[] { "python3", "echo" }), "a python body is not shell");

            var two = doc.Instructions[4];
            Assert.That(two.Heredocs.Select(h => h.Name.Value), Is.EqualTo(new[] { "A", "B" }));
            Assert.That(two.Heredocs[1].Lines.Single().Span.Line, Is.EqualTo(16));
            Assert.That(doc.Instructions[5].Span.Line, Is.EqualTo(18));
        });
    }

    [Test]
    public void Heredoc_script_with_a_python_shebang_is_not_split_as_shell()
    {
        var doc = Read("RUN <<EOF", "#!/usr/bin/env python3", "print('a && b')", "EOF");
        Assert.That(doc.Instructions[0].Run!.Commands.Where(c => c.Name is not null), Is.Empty);
    }

    [Test]
    public void Exec_form_is_parsed_into_elements_with_spans()
    {
        var doc = Read(
            "RUN [\"pip\", \"install\", \"x\\u0079\"]",
            "CMD [\"python\", \"app.py\"]",
            "ENTRYPOINT python app.py",
            "RUN [not json");
        Assert.Multiple(() =>
        {
            var run = doc.Instructions[0];
            Assert.That(run.IsExecForm, Is.True);
            Assert.That(run.ExecForm.Select(e => e.Value), Is.EqualTo(new[] { "pip", "install", "xy" }));
            Assert.That(run.ExecForm[1].Span, Is.EqualTo(new SourceSpan("Dockerfile", 1, 14, 1, 21)));
            var command = run.Run!.Commands.Single();
            Assert.That(command.Arguments.Select(a => a.Value), Is.EqualTo(new[] { "pip", "install", "xy" }));
            Assert.That(command.Arguments[1].Span, Is.EqualTo(new SourceSpan("Dockerfile", 1, 14, 1, 21)));
            Assert.That(doc.Instructions[1].ExecForm.Select(e => e.Value), Is.EqualTo(new[] { "python", "app.py" }));
            Assert.That(doc.Instructions[2].IsExecForm, Is.False);
            Assert.That(doc.Instructions[3].IsExecForm, Is.False);
        });
    }

    [Test]
    public void Flags_are_located_and_split_into_options()
    {
        var doc = Read(
            "FROM --platform=$BUILDPLATFORM python:3.11-slim AS builder",
            "RUN --mount=type=cache,target=/root/.cache/pip --network=none pip install -r requirements.txt",
            "COPY --from=builder --chown=app:app /venv /opt/venv",
            "ADD --link https://example.com/a.tar.gz /tmp/");
        Assert.Multiple(() =>
        {
            var from = doc.Instructions[0].From!;
            Assert.That(from.Platform!.Value, Is.EqualTo("$BUILDPLATFORM"));
            Assert.That(from.Image.Value, Is.EqualTo("python:3.11-slim"));
            Assert.That(from.StageName!.Value, Is.EqualTo("builder"));
            Assert.That(from.StageName.Span, Is.EqualTo(new SourceSpan("Dockerfile", 1, 52, 1, 59)));

            var run = doc.Instructions[1];
            var mount = run.Run!.Mounts.Single();
            Assert.That(mount.Span, Is.EqualTo(new SourceSpan("Dockerfile", 1 + 1, 5, 2, 47)));
            Assert.That(mount.Option("type")!.Value, Is.EqualTo("cache"));
            Assert.That(mount.Option("target")!.Span, Is.EqualTo(new SourceSpan("Dockerfile", 2, 31, 2, 47)));
            Assert.That(run.FindFlag("network")!.Value!.Value, Is.EqualTo("none"));
            Assert.That(run.Run.Commands.Single().Name!.Value, Is.EqualTo("pip"));

            var copy = doc.Instructions[2].Copy!;
            Assert.That(copy.From!.Value, Is.EqualTo("builder"));
            Assert.That(copy.From.Span, Is.EqualTo(new SourceSpan("Dockerfile", 3, 13, 3, 20)));
            Assert.That(copy.Chown!.Value, Is.EqualTo("app:app"));
            Assert.That(copy.Sources.Single().Value, Is.EqualTo("/venv"));
            Assert.That(copy.Destination!.Value, Is.EqualTo("/opt/venv"));

            var add = doc.Instructions[3];
            Assert.That(add.Copy!.IsAdd, Is.True);
            Assert.That(add.Flags.Single().Value, Is.Null);
            Assert.That(add.Flags.Single().Name.Value, Is.EqualTo("link"));
        });
    }

    [Test]
    public void Env_and_arg_pairs_in_both_forms()
    {
        var doc = Read(
            "ENV K=V K2=\"v 2\" PATH=/opt/conda/bin:$PATH",
            "ENV LEGACY some value here",
            "ARG PYTHON_VERSION=3.11 TARGETARCH",
            "LABEL org.opencontainers.image.source=\"https://x\"");
        Assert.Multiple(() =>
        {
            Assert.That(doc.Problems, Is.Empty);
            var env = doc.Instructions[0].KeyValues;
            Assert.That(env.Select(p => (p.Key.Value, p.Value!.Value)), Is.EqualTo(new[] { ("K", "V"), ("K2", "v 2"), ("PATH", "/opt/conda/bin:$PATH") }));
            Assert.That(env[1].Value!.Span, Is.EqualTo(new SourceSpan("Dockerfile", 1, 12, 1, 17)));
            Assert.That(env[1].Key.Span, Is.EqualTo(new SourceSpan("Dockerfile", 1, 9, 1, 11)));

            var legacy = doc.Instructions[1].KeyValues.Single();
            Assert.That(legacy.IsLegacyForm, Is.True);
            Assert.That((legacy.Key.Value, legacy.Value!.Value), Is.EqualTo(("LEGACY", "some value here")));
            Assert.That(legacy.Value.Span, Is.EqualTo(new SourceSpan("Dockerfile", 2, 12, 2, 27)));

            var arg = doc.Instructions[2].KeyValues;
            Assert.That(arg[0].Value!.Value, Is.EqualTo("3.11"));
            Assert.That(arg[1].Key.Value, Is.EqualTo("TARGETARCH"));
            Assert.That(arg[1].Value, Is.Null);

            Assert.That(doc.Instructions[3].KeyValues.Single().Value!.Value, Is.EqualTo("https://x"));
        });
    }

    [Test]
    public void Onbuild_wraps_an_inner_instruction()
    {
        var doc = Read("FROM x", "onbuild RUN pip install -r /app/requirements.txt", "ONBUILD ONBUILD RUN x");
        var inner = doc.Instructions[1].OnBuildInner!;
        Assert.Multiple(() =>
        {
            Assert.That(doc.Instructions[1].KeywordUpper, Is.EqualTo("ONBUILD"));
            Assert.That(doc.Instructions[1].Keyword.Value, Is.EqualTo("onbuild"));
            Assert.That(inner.KeywordUpper, Is.EqualTo("RUN"));
            Assert.That(inner.Keyword.Span, Is.EqualTo(new SourceSpan("Dockerfile", 2, 9, 2, 12)));
            Assert.That(inner.Run!.Commands.Single().Arguments[^1].Span, Is.EqualTo(new SourceSpan("Dockerfile", 2, 28, 2, 49)));
            Assert.That(doc.Problems.Single().Message, Does.Contain("ONBUILD isn't allowed"));
            Assert.That(doc.Problems.Single().Span.Line, Is.EqualTo(3));
        });
    }

    [Test]
    public void Crlf_and_bom_give_the_same_positions()
    {
        var text = new SourceText("Dockerfile", "\uFEFFFROM ubuntu:22.04\r\nRUN apt-get update \\\r\n  && pip install x\r\n");
        var doc = DockerfileReader.Read(text);
        Assert.Multiple(() =>
        {
            Assert.That(doc.Problems, Is.Empty);
            Assert.That(doc.Instructions[0].From!.Image.Span, Is.EqualTo(new SourceSpan("Dockerfile", 1, 6, 1, 18)));
            var run = doc.Instructions[1];
            Assert.That(run.ArgumentText, Is.EqualTo("apt-get update   && pip install x"));
            Assert.That(run.Span, Is.EqualTo(new SourceSpan("Dockerfile", 2, 1, 3, 19)));
            Assert.That(run.Run!.Commands[1].Arguments[^1].Span, Is.EqualTo(new SourceSpan("Dockerfile", 3, 18, 3, 19)));
        });
    }

    [Test]
    public void Heredoc_terminator_matches_with_crlf_line_ends()
    {
        var doc = DockerfileReader.Read(new SourceText("Dockerfile", "RUN <<EOF\r\npip install x\r\nEOF\r\nUSER a\r\n"));
        Assert.Multiple(() =>
        {
            Assert.That(doc.Problems, Is.Empty);
            Assert.That(doc.Instructions.Select(i => i.KeywordUpper), Is.EqualTo(new[] { "RUN", "USER" }));
            Assert.That(doc.Instructions[0].Heredocs.Single().Lines.Single().Value, Is.EqualTo("pip install x"));
        });
    }

    [Test]
    public void Keywords_are_case_insensitive()
    {
        var doc = Read("from ubuntu as base", "Run echo hi", "copy a b");
        Assert.Multiple(() =>
        {
            Assert.That(doc.Problems, Is.Empty);
            Assert.That(doc.Instructions[0].From!.StageName!.Value, Is.EqualTo("base"));
            Assert.That(doc.Instructions[1].Run, Is.Not.Null);
            Assert.That(doc.Instructions[2].Copy, Is.Not.Null);
        });
    }

    [Test]
    public void Ten_thousand_lines_are_read()
    {
        var lines = new List<string> { "FROM python:3.11" };
        for (var i = 0; i < 5000; i++)
        {
            lines.Add($"RUN pip install package{i}==1.0.{i} \\");
            lines.Add($"    && echo \"done {i}\" > /tmp/log{i}");
        }

        var doc = Read([.. lines]);
        Assert.Multiple(() =>
        {
            Assert.That(doc.Problems, Is.Empty);
            Assert.That(doc.Instructions, Has.Length.EqualTo(5001));
            Assert.That(doc.Instructions[^1].Run!.Commands[1].Redirections.Single().Span.Line, Is.EqualTo(10001));
        });
    }

    [Test]
    public void Binary_content_does_not_crash()
    {
        var junk = new string(Enumerable.Range(0, 3000).Select(i => (char)((i * 7919) % 0x3000)).ToArray());
        var text = new SourceText("Dockerfile", "\uFFFD\uFFFD\0\u0001RUN \"\\\n" + junk + "\n<<EOF `$(\"");
        var doc = DockerfileReader.Read(text);
        Assert.That(doc.Problems, Is.Not.Empty);
    }
}

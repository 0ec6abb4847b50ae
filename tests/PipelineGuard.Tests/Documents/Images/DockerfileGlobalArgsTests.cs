using PipelineGuard.Documents.Docker;
using PipelineGuard.Documents.Images;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.Documents.Images;

public sealed class DockerfileGlobalArgsTests
{
    private static DockerfileGlobalArgs Args(string dockerfile) =>
        DockerfileGlobalArgs.Of(DockerfileReader.Read(new SourceText("Dockerfile", dockerfile)));

    [TestCase("python:${PY}", "python:3.11")]
    [TestCase("python:$PY-slim", "python:3.11-slim")]
    [TestCase("${REGISTRY}/app:${PY}", "myacr.azurecr.io/app:3.11")]
    [TestCase("${BASE}", "myacr.azurecr.io/python:3.11")]
    [TestCase("python:${PY:-3.9}", "python:3.11")]
    [TestCase("python:${PY:+x}", "python:x")]
    [TestCase("python:${PY-3.9}", "python:3.11")]
    [TestCase("python:${EMPTY:-3.9}", "python:3.9")]
    [TestCase("python:3.11", "python:3.11")]
    public void Global_arg_defaults_expand(string text, string expected)
    {
        var args = Args("ARG PY=3.11\nARG REGISTRY=myacr.azurecr.io\nARG BASE=${REGISTRY}/python:$PY\nARG EMPTY=\"\"\nFROM scratch\n");
        Assert.That(args.TryExpand(text, out var expanded), Is.True);
        Assert.That(expanded, Is.EqualTo(expected));
    }

    [TestCase("python:${UNDECLARED}")]
    [TestCase("python:${NODEFAULT}")]
    [TestCase("python:$NODEFAULT")]
    [TestCase("python:${LATE}")]
    [TestCase("python:${PY")]
    [TestCase("python:${PY/3/4}")]
    [TestCase("python:${}")]
    public void Unknown_variables_and_unsupported_forms_do_not_expand(string text)
    {
        var args = Args("ARG PY=3.11\nARG NODEFAULT\nFROM python:3.11\nARG LATE=3.12\n");
        Assert.That(args.TryExpand(text, out _), Is.False);
    }

    [Test]
    public void A_self_doubling_chain_of_args_stops_growing()
    {
        var dockerfile = "ARG A0=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n" +
                         string.Concat(Enumerable.Range(1, 40).Select(i => $"ARG A{i}=${{A{i - 1}}}${{A{i - 1}}}\n")) +
                         "FROM scratch\n";
        Assert.That(Args(dockerfile).TryExpand("${A40}", out _), Is.False);
    }
}

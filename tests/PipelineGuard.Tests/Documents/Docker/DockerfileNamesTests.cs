using PipelineGuard.Documents.Docker;

namespace PipelineGuard.Tests.Documents.Docker;

public sealed class DockerfileNamesTests
{
    [TestCase("Dockerfile", true)]
    [TestCase("dockerfile", true)]
    [TestCase("environment/Dockerfile.gpu", true)]
    [TestCase("app.dockerfile", true)]
    [TestCase("build\\Base.Dockerfile", true)]
    [TestCase("Containerfile", true)]
    [TestCase("Dockerfile.", false)]
    [TestCase(".dockerfile", false)]
    [TestCase("Dockerfiles", false)]
    [TestCase("conda.yml", false)]
    [TestCase("", false)]
    public void Recognizes_dockerfile_names(string name, bool expected) =>
        Assert.That(DockerfileNames.IsDockerfileName(name), Is.EqualTo(expected));
}

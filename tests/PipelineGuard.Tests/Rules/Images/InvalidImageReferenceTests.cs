using PipelineGuard.Rules.Images;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Images;

public sealed class InvalidImageReferenceTests
{
    private static string[] Pg109(params (string Path, string Content)[] files) =>
        Lint.Findings(files).Only(InvalidImageReference.Rule).Places();

    [TestCase("Python:3.9", "env.yml:2:8-2:9")]
    [TestCase("\"mcr.microsoft.com/AzureML/base:1\"", "env.yml:2:27-2:28")]
    [TestCase("'a//b:1'", "env.yml:2:11-2:12")]
    [TestCase("\"python:\"", "env.yml:2:15-2:16")]
    [TestCase("python:3.9 slim", "env.yml:2:18-2:19")]
    [TestCase("python@sha256:abc", "env.yml:2:15-2:25")]
    [TestCase("python:-3.9", "env.yml:2:15-2:16")]
    [TestCase("https://mcr.microsoft.com/azureml/base:1", "env.yml:2:8-2:16")]
    public void A_v2_image_is_reported_on_the_offending_part(string image, string place)
    {
        Assert.That(Pg109(("env.yml", $"name: e\nimage: {image}\n")), Is.EqualTo(new[] { place }));
    }

    [Test]
    public void A_v1_base_image_with_a_double_slash_is_reported_on_the_slash()
    {
        var json = "{\n  \"docker\": {\"baseImage\": \"a//b:1\"}\n}\n";
        Assert.That(Pg109(("azureml_environment.json", json)), Is.EqualTo(new[] { "azureml_environment.json:2:30-2:31" }));
    }

    [Test]
    public void A_v1_base_image_with_an_escaped_backslash_is_reported_on_the_whole_value()
    {
        // The value holds one backslash where the file holds two: no exact column, so the whole string.
        var json = "{\n  \"docker\": {\"baseImage\": \"myacr.azurecr.io\\\\app:1\"}\n}\n";
        var findings = Lint.Findings(("azureml_environment.json", json)).Only(InvalidImageReference.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "azureml_environment.json:2:27-2:52" }));
        Assert.That(findings[0].Message, Does.Contain("backslash"));
    }

    [Test]
    public void An_inline_job_environment_image_is_checked()
    {
        var job = "$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ncommand: python train.py\n" +
                  "environment:\n  image: MyAcr.azurecr.io/Train:1\ncompute: azureml:cpu\n";
        Assert.That(Pg109(("job.yml", job)), Is.EqualTo(new[] { "job.yml:4:27-4:28" }));
    }

    [Test]
    public void A_dockerfile_from_is_checked_in_every_stage()
    {
        var dockerfile = "FROM Python:3.11 AS build\nRUN echo hi\nFROM ubuntu:22.04@sha256:1234\n";
        Assert.That(Pg109(("Dockerfile", dockerfile)), Is.EqualTo(new[] { "Dockerfile:1:6-1:7", "Dockerfile:3:19-3:30" }));
    }

    [Test]
    public void The_dockerfile_of_a_v2_build_context_is_checked()
    {
        var findings = Pg109(("env.yml", "name: e\nbuild:\n  path: ctx\n"), ("ctx/Dockerfile", "FROM --platform=linux/amd64 python:3.11:slim\n"));
        Assert.That(findings, Is.EqualTo(new[] { "ctx/Dockerfile:1:40-1:41" }));
    }

    [Test]
    public void A_from_whose_global_arg_default_is_invalid_is_reported_on_the_whole_image()
    {
        var findings = Lint.Findings(("Dockerfile", "ARG BASE=Python:3.11\nFROM ${BASE}\n")).Only(InvalidImageReference.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "Dockerfile:2:6-2:13" }));
        Assert.That(findings[0].Message, Does.StartWith("'${BASE}' (= 'Python:3.11') is not a valid image reference"));
    }

    [TestCase("image: python:3.11.9")]
    [TestCase("image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240909.v1")]
    [TestCase("image: localhost:5000/team/app:1@sha256:0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("image: \"{{ACR_NAME}}.azurecr.io/torchserve:1\"")]
    [TestCase("image: ${REGISTRY}/app")]
    [TestCase("image: $BASE_IMAGE")]
    [TestCase("image: <your-registry>/App")]
    public void Valid_images_and_templates_are_not_reported(string line)
    {
        Assert.That(Pg109(("env.yml", $"name: e\n{line}\n")), Is.Empty);
    }

    [TestCase("FROM python:3.11 AS builder\nFROM builder AS final\n")]
    [TestCase("FROM python:3.11 AS Builder\nFROM builder\n")]
    [TestCase("FROM scratch\nCOPY app /app\n")]
    [TestCase("ARG PY_VERSION\nFROM python:${PY_VERSION}\n")]
    [TestCase("FROM python:${PY_VERSION}\n")]
    [TestCase("FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:{{latest-image-tag}}\n")]
    [TestCase("ARG PY=3.11\nFROM python:${PY}-slim\n")]
    public void Stages_scratch_arguments_and_templates_are_not_reported(string dockerfile)
    {
        Assert.That(Pg109(("Dockerfile", dockerfile)), Is.Empty);
    }

    [Test]
    public void The_message_says_what_is_wrong_and_how_to_write_it()
    {
        var finding = Lint.Findings(("env.yml", "name: e\nimage: Python:3.9\n")).Only(InvalidImageReference.Rule).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(finding.Message, Does.StartWith("'Python:3.9' is not a valid image reference: the repository name must be lowercase."));
            Assert.That(finding.Message, Does.Contain("invalid reference format"));
            Assert.That(finding.Message, Does.Contain("[registry/]repository[:tag][@digest]"));
            Assert.That(finding.Fix, Is.Null);
            Assert.That(finding.Severity, Is.EqualTo(PipelineGuard.Model.Severity.Error));
        }
    }
}

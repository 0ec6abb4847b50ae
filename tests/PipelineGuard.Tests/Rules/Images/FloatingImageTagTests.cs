using PipelineGuard.Rules.Images;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Images;

public sealed class FloatingImageTagTests
{
    private static string[] Pg110(params (string Path, string Content)[] files) =>
        Lint.Findings(files).Only(FloatingImageTag.Rule).Places();

    [TestCase("python", "env.yml:2:8-2:14")]
    [TestCase("python:latest", "env.yml:2:15-2:21")]
    [TestCase("\"python:latest\"", "env.yml:2:16-2:22")]
    [TestCase("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04", "env.yml:2:8-2:58")]
    [TestCase("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest", "env.yml:2:59-2:65")]
    [TestCase("localhost:5000/app", "env.yml:2:8-2:26")]
    public void A_v2_image_without_a_tag_or_with_latest_is_reported(string image, string place)
    {
        Assert.That(Pg110(("env.yml", $"name: e\nimage: {image}\n")), Is.EqualTo(new[] { place }));
    }

    [Test]
    public void A_v1_base_image_without_a_tag_is_reported_on_the_string_without_quotes()
    {
        var json = "{\n  \"docker\": {\"baseImage\": \"mcr.microsoft.com/azureml/base\"}\n}\n";
        Assert.That(Pg110(("azureml_environment.json", json)), Is.EqualTo(new[] { "azureml_environment.json:2:28-2:58" }));
    }

    [Test]
    public void An_inline_job_environment_is_checked()
    {
        var job = "$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ncommand: python train.py\n" +
                  "environment:\n  image: myacr.azurecr.io/train:latest\ncompute: azureml:cpu\n";
        Assert.That(Pg110(("job.yml", job)), Is.EqualTo(new[] { "job.yml:4:33-4:39" }));
    }

    [Test]
    public void Every_stage_of_a_dockerfile_is_checked_but_a_stage_reference_is_not()
    {
        var dockerfile = "FROM python AS builder\nRUN pip wheel . -w /w\nFROM ubuntu:latest AS final\nCOPY --from=builder /w /w\nFROM builder AS test\n";
        Assert.That(Pg110(("Dockerfile", dockerfile)), Is.EqualTo(new[] { "Dockerfile:1:6-1:12", "Dockerfile:3:13-3:19" }));
    }

    [Test]
    public void A_global_arg_that_resolves_to_a_floating_image_is_reported_on_the_from_image()
    {
        var findings = Lint.Findings(("Dockerfile", "ARG BASE=ubuntu\nFROM $BASE\n")).Only(FloatingImageTag.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "Dockerfile:2:6-2:11" }));
        Assert.That(findings[0].Message, Does.Contain("'$BASE' (= 'ubuntu')"));
    }

    [TestCase("ARG PY_VERSION=latest\nFROM python:${PY_VERSION}\n", "Dockerfile:2:6-2:26")]
    [TestCase("ARG TAG=latest\nFROM python:$TAG AS base\n", "Dockerfile:2:6-2:17")]
    public void An_arg_default_of_latest_is_reported(string dockerfile, string place)
    {
        Assert.That(Pg110(("Dockerfile", dockerfile)), Is.EqualTo(new[] { place }));
    }

    [TestCase("image: python:3.11.9")]
    [TestCase("image: python:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("image: python@sha256:0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("image: python:Latest")]
    [TestCase("image: \"{{ACR_NAME}}.azurecr.io/torchserve\"")]
    [TestCase("image: ${REGISTRY}/app")]
    [TestCase("image: $BASE_IMAGE")]
    [TestCase("image: Python")]
    public void Pinned_images_templates_and_invalid_references_are_not_reported(string line)
    {
        Assert.That(Pg110(("env.yml", $"name: e\n{line}\n")), Is.Empty);
    }

    [TestCase("FROM scratch\n")]
    [TestCase("FROM python:${PY_VERSION}\n")]
    [TestCase("ARG PY_VERSION\nFROM python:${PY_VERSION}\n")]
    [TestCase("ARG PY_VERSION=3.11\nFROM python:${PY_VERSION}\n")]
    [TestCase("FROM python:3.11 AS builder\nFROM builder AS final\n")]
    [TestCase("FROM ubuntu:22.04\nARG BASE=ubuntu\nFROM python:3.11\n")]
    public void Dockerfiles_with_pinned_or_unknown_bases_are_not_reported(string dockerfile)
    {
        Assert.That(Pg110(("Dockerfile", dockerfile)), Is.Empty);
    }

    [Test]
    public void The_message_names_the_image_and_there_is_no_fix()
    {
        var finding = Lint.Findings(("env.yml", "name: e\nimage: python\n")).Only(FloatingImageTag.Rule).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(finding.Message, Does.StartWith("the base image 'python' has no tag and no digest"));
            Assert.That(finding.Message, Does.Contain("not reproducible"));
            Assert.That(finding.Message, Does.Contain("Pin a version tag or a digest"));
            Assert.That(finding.Fix, Is.Null);
            Assert.That(finding.Severity, Is.EqualTo(PipelineGuard.Model.Severity.Warning));
        }
    }
}

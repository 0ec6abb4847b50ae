using PipelineGuard.Analysis;
using PipelineGuard.Rules.Images;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Images;

public sealed class DeprecatedBaseImageTests
{
    private static string[] Pg121(params (string Path, string Content)[] files) =>
        Lint.Findings(files).Only(DeprecatedBaseImage.Rule).Places();

    [TestCase("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04", "env.yml:2:8-2:58")]
    [TestCase("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230103.v1", "env.yml:2:8-2:58")]
    [TestCase("mcr.microsoft.com/azureml/base@sha256:0000000000000000000000000000000000000000000000000000000000000000", "env.yml:2:8-2:38")]
    [TestCase("azureml/openmpi3.1.2-ubuntu18.04:latest", "env.yml:2:8-2:40")]
    [TestCase("\"mcr.microsoft.com/azureml/o16n-base/python-slim:1\"", "env.yml:2:9-2:56")]
    public void A_v2_image_on_the_list_is_reported_on_its_name(string image, string place)
    {
        Assert.That(Pg121(("env.yml", $"name: e\nimage: {image}\n")), Is.EqualTo(new[] { place }));
    }

    [Test]
    public void A_v1_base_image_is_checked()
    {
        var json = "{\n  \"docker\": {\"baseImage\": \"mcr.microsoft.com/azureml/openmpi3.1.2-ubuntu18.04:20230103.v1\"}\n}\n";
        Assert.That(Pg121(("azureml_environment.json", json)), Is.EqualTo(new[] { "azureml_environment.json:2:28-2:78" }));
    }

    [Test]
    public void An_inline_job_environment_is_checked()
    {
        var job = "$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ncommand: python train.py\n" +
                  "environment:\n  image: mcr.microsoft.com/azureml/base-gpu:1\ncompute: azureml:cpu\n";
        Assert.That(Pg121(("job.yml", job)), Is.EqualTo(new[] { "job.yml:4:10-4:44" }));
    }

    [Test]
    public void A_dockerfile_from_is_checked_in_a_build_context()
    {
        var findings = Pg121(
            ("env.yml", "name: e\nbuild:\n  path: ctx\n"),
            ("ctx/Dockerfile", "FROM mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.1-cudnn8-ubuntu18.04:20220516.v1 AS base\nFROM base\n"));
        Assert.That(findings, Is.EqualTo(new[] { "ctx/Dockerfile:1:6-1:72" }));
    }

    [Test]
    public void Every_listed_image_is_recognised_with_and_without_the_registry()
    {
        foreach (var repository in DeprecatedBaseImages.Repositories)
        {
            Assert.That(Pg121(("env.yml", $"name: e\nimage: mcr.microsoft.com/{repository}:1\n")), Has.Length.EqualTo(1), repository);
            Assert.That(Pg121(("env.yml", $"name: e\nimage: {repository}:1\n")), Has.Length.EqualTo(1), repository);
        }
    }

    [TestCase("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240909.v1")]
    [TestCase("mcr.microsoft.com/azureml/openmpi5.0-ubuntu24.04:latest")]
    [TestCase("myacr.azurecr.io/azureml/openmpi4.1.0-ubuntu20.04:1")]
    [TestCase("mcr.microsoft.com/azureml/base-extra:1")]
    [TestCase("mcr.microsoft.com/azureml/curated/sklearn-1.5:1")]
    [TestCase("\"{{ACR}}.azurecr.io/azureml/base:1\"")]
    [TestCase("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:{{latest-image-tag}}")]
    public void Other_images_and_templates_are_not_reported(string image)
    {
        Assert.That(Pg121(("env.yml", $"name: e\nimage: {image}\n")), Is.Empty);
    }

    [Test]
    public void The_message_names_the_image_and_says_to_upgrade()
    {
        var finding = Lint.Findings(("env.yml", "name: e\nimage: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230103.v1\n"))
            .Only(DeprecatedBaseImage.Rule).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(finding.Message, Does.StartWith("the base image 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230103.v1' is deprecated"));
            Assert.That(finding.Message, Does.Contain("Upgrade to a supported image"));
            Assert.That(finding.Message, Does.Contain("Azure/AzureML-Containers"));
            Assert.That(finding.Severity, Is.EqualTo(PipelineGuard.Model.Severity.Warning));
        }
    }

    [Test]
    public void The_list_says_where_it_comes_from_and_when_it_was_taken()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DeprecatedBaseImages.Source, Does.Contain("Base image is deprecated"));
            Assert.That(DeprecatedBaseImages.TakenOn, Is.GreaterThan(new DateOnly(2026, 1, 1)));
            Assert.That(DeprecatedBaseImages.Repositories, Has.Count.EqualTo(17).And.Unique);
        }
    }
}

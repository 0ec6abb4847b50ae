using System.Collections.Frozen;
using PipelineGuard.Documents.Images;

namespace PipelineGuard.Analysis;

/// <summary>
/// Azure ML's list of deprecated base images, as data. Update it by copying the list again from the source below
/// and changing <see cref="TakenOn"/>; nothing else in the code names an image.
/// </summary>
internal static class DeprecatedBaseImages
{
    /// <summary>Where the list comes from: the "Base image is deprecated" scenario of the guide.</summary>
    public const string Source =
        "Azure ML, \"Troubleshoot environment image builds\", Environment definition problems: \"Base image is deprecated\" " +
        "(MicrosoftDocs/azure-ai-docs, articles/machine-learning/how-to-troubleshoot-environments.md, " +
        "commit 05e88d3d5093731e0143b02b13a6f3048954944c, ms.date 07/02/2026)";

    /// <summary>The day the list was copied from <see cref="Source"/>.</summary>
    public static readonly DateOnly TakenOn = new(2026, 11, 28);

    /// <summary>The registry all of them live on.</summary>
    public const string Registry = "mcr.microsoft.com";

    /// <summary>Where the supported images are listed.</summary>
    public const string SupportedImages = "https://github.com/Azure/AzureML-Containers";

    /// <summary>Repositories on <see cref="Registry"/>, in the guide's order (its 2022 version listed only the first 13).</summary>
    public static readonly IReadOnlyList<string> Repositories =
    [
        "azureml/base",
        "azureml/base-gpu",
        "azureml/base-lite",
        "azureml/intelmpi2018.3-cuda10.0-cudnn7-ubuntu16.04",
        "azureml/intelmpi2018.3-cuda9.0-cudnn7-ubuntu16.04",
        "azureml/intelmpi2018.3-ubuntu16.04",
        "azureml/o16n-base/python-slim",
        "azureml/openmpi3.1.2-cuda10.0-cudnn7-ubuntu16.04",
        "azureml/openmpi3.1.2-ubuntu16.04",
        "azureml/openmpi3.1.2-cuda10.0-cudnn7-ubuntu18.04",
        "azureml/openmpi3.1.2-cuda10.1-cudnn7-ubuntu18.04",
        "azureml/openmpi3.1.2-cuda10.2-cudnn7-ubuntu18.04",
        "azureml/openmpi3.1.2-cuda10.2-cudnn8-ubuntu18.04",
        "azureml/openmpi3.1.2-ubuntu18.04",
        "azureml/openmpi4.1.0-cuda11.0.3-cudnn8-ubuntu18.04",
        "azureml/openmpi4.1.0-cuda11.1-cudnn8-ubuntu18.04",
        "azureml/openmpi4.1.0-ubuntu20.04",
    ];

    private static readonly FrozenSet<string> RepositorySet = Repositories.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// True for a deprecated image whatever its tag or digest, written with its registry
    /// (<c>mcr.microsoft.com/azureml/base:1</c>) or without (<c>azureml/base</c>, as the guide writes them).
    /// </summary>
    public static bool IsDeprecated(ImageReference reference) =>
        RepositorySet.Contains(reference.WrittenPath) && (reference.WrittenDomain is null || reference.Domain == Registry);
}

using System.Text;
using PipelineGuard.IO;

namespace PipelineGuard.Bench.Micro;

/// <summary>The inputs of the micro-benchmarks: the same shapes as bench/compare/corpus.py, built in memory.</summary>
internal static class MicroCorpus
{
    public const string CondaFile = """
        # a conda specification of the usual size
        name: project-env
        channels:
          - conda-forge
        dependencies:
          - python=3.10
          - pip=24.2
          - numpy=1.26.4
          - scipy
          - pip:
              - azureml-mlflow==1.57.0
              - mlflow>=2.15.1
              - scikit-learn==1.5.1
              - pandas  # needed by the scoring script
              - torch==2.4.0
              - transformers>=4.44.0
              - azure-identity==1.17.1
        """;

    public static readonly string[] Requirements =
    [
        "numpy==1.26.4", "pandas>=2.2,<3", "scikit-learn~=1.5.1", "torch==2.4.0+cu121", "requests[security,socks]>=2.32.3",
        "azureml-mlflow==1.57.0 ; python_version >= \"3.9\"", "mlflow", "transformers>=4.44.0,!=4.45.0",
        "pkg @ https://example.com/pkg-1.0-py3-none-any.whl", "fsspec[abfs,http]==2024.6.1", "onnxruntime>=1.19,<2; platform_system == \"Linux\"",
    ];

    /// <summary>A repository of <paramref name="files"/> conda specifications, in memory.</summary>
    public static InMemoryFileSystem Repository(int files)
    {
        var fs = new InMemoryFileSystem("/repo");
        for (var i = 0; i < files; i++)
        {
            var text = CondaFile.Replace("name: project-env", $"name: project-env-{i}", StringComparison.Ordinal)
                .Replace("python=3.10", (i % 3) switch { 0 => "python=3.10", 1 => "python=3.8", _ => "python=3.11" }, StringComparison.Ordinal);
            fs.Add($"/repo/project-{i / 100:000}/env-{i % 100:000}/conda.yml", text);
        }

        return fs;
    }

    /// <summary>A generated build log of about <paramref name="megabytes"/> MB, in memory.</summary>
    public static byte[] Log(double megabytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pipelineguard-micro-{Environment.ProcessId}.log");
        try
        {
            LogGenerator.Write(path, (long)(megabytes * 1024 * 1024));
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

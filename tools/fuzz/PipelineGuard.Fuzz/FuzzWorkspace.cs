using PipelineGuard.Discovery;
using PipelineGuard.Environments;
using PipelineGuard.IO;

namespace PipelineGuard.Fuzz;

/// <summary>
/// A small in-memory repository for the build-log target, so that the diagnoser also links findings to spec lines
/// (the conda file, the pip list, a requirements file and a Dockerfile are what logs point back to).
/// </summary>
internal static class FuzzWorkspace
{
    public static Workspace Build()
    {
        var fs = new InMemoryFileSystem("/repo")
            .Add("env/conda.yml", "name: fuzz\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.10\n  - numpy=1.26\n  - pip\n  - pip:\n    - mlflow-skinny==2.9.2\n    - -r requirements.txt\n")
            .Add("env/requirements.txt", "pandas==2.2.2\nscikit-learn>=1.3\ntorch==2.1.0\n")
            .Add("env/environment.yml", "$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\nname: fuzz\nimage: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest\nconda_file: conda.yml\n")
            .Add("docker/Dockerfile", "FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04\nRUN pip install numpy==1.26.0\nCOPY missing.txt /tmp/\n");
        return new WorkspaceBuilder(fs).Build(["."]);
    }
}

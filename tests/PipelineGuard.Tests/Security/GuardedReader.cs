namespace PipelineGuard.Tests.Security;

/// <summary>
/// One way PipelineGuard comes to open a path: <see cref="Arrange"/> writes the honest files around it,
/// <see cref="LinkAt"/> is where the pull request plants its link, and <see cref="Args"/> runs the check.
/// </summary>
internal sealed record GuardedReader(string Name, string LinkAt, string Secret, bool Folder, Action<HostileTree> Arrange, string[] Args)
{
    public override string ToString() => Name;

    private const string Image = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240909.v1";
    private const string V2 = "$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\nname: e\n";

    private static void Nothing(HostileTree tree)
    {
    }

    public static IReadOnlyList<GuardedReader> All { get; } =
    [
        new("walk: requirements file", "requirements.txt", "secret.txt", false, Nothing, ["check"]),
        new("walk: conda file", "environment.yml", "secret.yml", false, Nothing, ["check"]),
        new("walk: Dockerfile", "Dockerfile", "secret.Dockerfile", false, Nothing, ["check"]),
        new("walk: v1 JSON", "azureml_environment.json", "secret.json", false, Nothing, ["check"]),
        new("named file", "envs/requirements.txt", "secret.txt", false, Nothing, ["check", "envs/requirements.txt"]),
        new("named folder", "envs", "dir", true, Nothing, ["check", "envs"]),
        new("-r include", "inc.txt", "secret.txt", false, t => t.Write("requirements.txt", "-r inc.txt\nnumpy==1.26.4\n"), ["check"]),
        new("-c include", "cons.txt", "secret.txt", false, t => t.Write("requirements.txt", "-c cons.txt\nnumpy==1.26.4\n"), ["check"]),
        new("conda pip list include", "inc.txt", "secret.txt", false,
            t => t.Write("conda.yml", "channels: [defaults]\ndependencies:\n  - python=3.11.9\n  - pip=23.3.1\n  - pip:\n    - -r inc.txt\n"), ["check"]),
        new("conda_file", "deps/conda.yml", "secret.yml", false, t => t.Write("env.yml", V2 + $"image: {Image}\nconda_file: deps/conda.yml\n"), ["check"]),
        new("build.path", "ctx", "dir", true, t => t.Write("env.yml", V2 + "build:\n  path: ctx\n"), ["check"]),
        new("build.dockerfile_path", "ctx/docker/Dockerfile.gpu", "secret.Dockerfile", false,
            t =>
            {
                t.Write("env.yml", V2 + "build:\n  path: ctx\n  dockerfile_path: docker/Dockerfile.gpu\n");
                t.Write("ctx/app.py", "print('hi')\n");
            },
            ["check"]),
        new("v1 sibling conda_dependencies.yml", "v1/conda_dependencies.yml", "secret.yml", false,
            t => t.Write("v1/azureml_environment.json", $"{{\"name\": \"e\", \"python\": {{\"userManagedDependencies\": false}}, \"docker\": {{\"baseImage\": \"{Image}\"}}}}\n"),
            ["check"]),
        new(".dockerignore", "ctx/.dockerignore", "secret.ignore", false,
            t =>
            {
                t.Write("ctx/Dockerfile", "FROM python:3.11.9-slim\nCOPY app.py /app/\n");
                t.Write("ctx/app.py", "print('hi')\n");
            },
            ["check"]),
        new("configuration file", ".pipelineguard.yml", "secret.config", false, t => t.Write("requirements.txt", "numpy==1.26.4\n"), ["check"]),
        new("--config", "cfg/pg.yml", "secret.config", false, t => t.Write("requirements.txt", "numpy==1.26.4\n"), ["check", "--config", "cfg/pg.yml"]),
        new("--baseline", "pg-baseline.json", "secret.json", false, t => t.Write("requirements.txt", "numpy==1.26.4\n"), ["check", "--baseline", "pg-baseline.json"]),
        new("--build-log", "logs/build.log", "secret.log", false, t => t.Write("requirements.txt", "numpy==1.26.4\n"), ["check", "--build-log", "logs/build.log"]),
        new("--output", "pg.sarif", "secret.txt", false, t => t.Write("requirements.txt", "numpy==1.26.4\n"), ["check", "--format", "sarif", "--output", "pg.sarif"]),
        new("--write-baseline", "base.json", "secret.txt", false, t => t.Write("requirements.txt", "numpy\n"), ["check", "--write-baseline", "base.json"]),
    ];

    /// <summary>Readers that only list names (COPY sources in a build context): nothing is read, so no refusal is due.</summary>
    public static IReadOnlyList<GuardedReader> Listings { get; } =
    [
        new("COPY source folder", "ctx/data", "dir", true,
            t => t.Write("ctx/Dockerfile", $"FROM python:3.11.9-slim\nCOPY data/ /app/data/\nCOPY data/s3cr3t* /app/\nCOPY data/requirements.txt /app/\n"),
            ["check"]),
    ];
}

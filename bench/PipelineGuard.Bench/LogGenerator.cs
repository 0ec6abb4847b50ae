using System.Globalization;
using System.Text;

namespace PipelineGuard.Bench;

/// <summary>
/// Writes a large, realistic Azure ML image-build log (serverless 2024 generation: every line prefixed with
/// <c>YYYY-MM-DDTHH:MM:SS: </c>): Docker classic steps, conda progress, pip Collecting/Downloading/progress lines,
/// compiler command lines, a few retry warnings that later succeed, colour codes; and, near the end, the failure
/// (pip cannot find a package inside <c>conda env create</c>). Deterministic for a given size. Nothing is committed:
/// the bench writes it to a temporary folder.
/// </summary>
internal static class LogGenerator
{
    private static readonly string[] Packages =
    [
        "numpy", "pandas", "scikit-learn", "azureml-core", "azureml-defaults", "azureml-mlflow", "mlflow-skinny", "torch", "torchvision",
        "tensorflow", "scipy", "matplotlib", "requests", "urllib3", "certifi", "charset-normalizer", "idna", "PyYAML", "ruamel.yaml",
        "msal", "azure-identity", "azure-storage-blob", "cryptography", "cffi", "pycparser", "protobuf", "grpcio", "packaging", "fsspec",
    ];

    public const string FailingPackage = "azureml-samples";

    public static void Write(string path, long bytes)
    {
        var random = new Random(2024);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20);
        var clock = new DateTime(2024, 9, 5, 15, 26, 38, DateTimeKind.Utc);
        var line = 0;
        void W(string text)
        {
            if (++line % 50 == 0)
            {
                clock = clock.AddSeconds(1);
            }

            writer.Write(clock.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            writer.Write(": ");
            writer.Write(text);
            writer.Write('\n');
        }

        W("Logging into Docker registry: 2f7e9a1c3b5d.azurecr.io");
        W("Login Succeeded");
        W("Running: ['docker', 'build', '-f', 'azureml-environment-setup/Dockerfile', '.', '-t', '2f7e9a1c3b5d.azurecr.io/azureml/azureml_71c4e0a2:1']");
        W("Step 1/9 : FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240701.v1");
        for (var i = 0; i < 12; i++)
        {
            W($"{Hex(random, 12)}: Pull complete");
        }

        W("Step 4/9 : RUN ldconfig /usr/local/cuda/lib64/stubs && conda env create -p /azureml-envs/azureml_ab12 -f azureml-environment-setup/mutated_conda_dependencies.yml && ldconfig");
        W(" ---> Running in 6b7c8d9e0f1a");
        W("Collecting package metadata (repodata.json): ...working... done");
        W("Solving environment: ...working... done");

        var tail = 64 * 1024;
        var pipLine = 0;
        while (stream.Position + (1 << 20) < bytes - tail || (stream.Position == 0 && bytes > tail))
        {
            var package = Packages[random.Next(Packages.Length)];
            var version = $"{random.Next(0, 3)}.{random.Next(0, 30)}.{random.Next(0, 12)}";
            switch (random.Next(14))
            {
                case 0:
                    W($"Collecting {package}=={version} (from -r /azureml-environment-setup/condaenv.k3j_9x2q.requirements.txt (line {++pipLine % 60 + 1}))");
                    break;
                case 1:
                case 2:
                    W($"  Downloading https://files.pythonhosted.org/packages/{Hex(random, 2)}/{Hex(random, 2)}/{Hex(random, 60)}/{package.Replace('-', '_')}-{version}-py3-none-any.whl ({random.Next(1, 900)}.{random.Next(10)} kB)");
                    break;
                case 3:
                    W($"     |████████████████████████████████| {random.Next(1, 99)}.{random.Next(10)} MB {random.Next(5, 120)}.{random.Next(10)} MB/s");
                    break;
                case 4:
                case 5:
                    W($"Requirement already satisfied: {package}>={version} in /azureml-envs/azureml_ab12/lib/python3.10/site-packages (from {Packages[random.Next(Packages.Length)]}==1.{random.Next(60)}.0) ({version})");
                    break;
                case 6:
                    W($"{package}-{version}            | {random.Next(1, 300)}.{random.Next(10)} MB  | ########## | 100% ");
                    break;
                case 7:
                    W($"gcc -pthread -B /azureml-envs/azureml_ab12/compiler_compat -Wno-unused-result -Wsign-compare -DNDEBUG -fwrapv -O2 -Wall -fPIC -O2 -isystem /azureml-envs/azureml_ab12/include -fPIC -I/azureml-envs/azureml_ab12/include/python3.10 -c src/{package}/_speedups{random.Next(100)}.c -o build/temp.linux-x86_64-cpython-310/src/_speedups.o");
                    break;
                case 8:
                    W($"  Stored in directory: /root/.cache/pip/wheels/{Hex(random, 2)}/{Hex(random, 2)}/{Hex(random, 40)}");
                    break;
                case 9:
                    W($"  Building wheel for {package} (setup.py): finished with status 'done'");
                    break;
                case 10:
                    W($"\u001b[0m{Hex(random, 12)}: Extracting [==================================================>]  {random.Next(1, 500)}.{random.Next(10)}MB/{random.Next(500, 900)}MB");
                    break;
                case 11:
                    W($"  Created wheel for {package}: filename={package.Replace('-', '_')}-{version}-cp310-cp310-linux_x86_64.whl size={random.Next(10_000, 9_000_000)} sha256={Hex(random, 64)}");
                    break;
                case 12:
                    if (random.Next(400) == 0)
                    {
                        W($"WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError(\"HTTPSConnectionPool(host='files.pythonhosted.org', port=443): Read timed out. (read timeout=15)\")': /packages/{Hex(random, 2)}/{package}-{version}.tar.gz");
                    }
                    else
                    {
                        W($"Installing collected packages: {package}, {Packages[random.Next(Packages.Length)]}, {Packages[random.Next(Packages.Length)]}");
                    }

                    break;
                default:
                    W($"copying src/{package}/module_{random.Next(1000)}.py -> build/lib.linux-x86_64-cpython-310/{package}");
                    break;
            }
        }

        W("\u001b[91mPip subprocess error:");
        W($"ERROR: Could not find a version that satisfies the requirement {FailingPackage}==0+unknown (from -r /azureml-environment-setup/condaenv.k3j_9x2q.requirements.txt (line 39)) (from versions: none)");
        W($"ERROR: No matching distribution found for {FailingPackage}==0+unknown (from -r /azureml-environment-setup/condaenv.k3j_9x2q.requirements.txt (line 39))");
        W("\u001b[0m");
        W("CondaEnvException: Pip failed");
        W("The command '/bin/sh -c ldconfig /usr/local/cuda/lib64/stubs && conda env create -p /azureml-envs/azureml_ab12 -f azureml-environment-setup/mutated_conda_dependencies.yml && ldconfig' returned a non-zero code: 1");
        W("Building docker image failed with exit code: 1");
    }

    /// <summary>One line of <paramref name="bytes"/> 'x' characters, then a failure line: the bench's overlong-line case.</summary>
    public static void WriteSingleLine(string path, long bytes)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var block = new byte[1 << 20];
        Array.Fill(block, (byte)'x');
        for (long written = 0; written < bytes; written += block.Length)
        {
            stream.Write(block, 0, (int)Math.Min(block.Length, bytes - written));
        }

        var tail = Encoding.ASCII.GetBytes($"\nERROR: No matching distribution found for {FailingPackage}\n");
        stream.Write(tail);
    }

    private static string Hex(Random random, int length)
    {
        const string digits = "0123456789abcdef";
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = digits[r.Next(16)];
            }
        });
    }
}

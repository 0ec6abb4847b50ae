using PipelineGuard.Cli;
using PipelineGuard.IO;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Security;

/// <summary>
/// A real folder on disk laid out as a pull request would attack it: <c>repo/</c> (a git checkout whose
/// <c>.git/config</c> holds a token, as actions/checkout leaves it) beside <c>outside/</c> (files of the CI machine).
/// Every secret carries <see cref="Marker"/>, in a shape that each reader would quote if it ever read it.
/// </summary>
internal sealed class HostileTree : IDisposable
{
    public const string Marker = "s3cr3t-marker-7f3a";

    public HostileTree()
    {
        Top = Path.Combine(Path.GetTempPath(), "pg-hostile-" + Guid.NewGuid().ToString("N"));
        Repo = Path.Combine(Top, "repo");
        Outside = Path.Combine(Top, "outside");
        Results = Path.Combine(Top, "results");
        Directory.CreateDirectory(Path.Combine(Repo, ".git"));
        Directory.CreateDirectory(Path.Combine(Outside, "dir"));
        Directory.CreateDirectory(Results);
        File.WriteAllText(Path.Combine(Repo, ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(Repo, ".git", "config"), GitConfig);
        File.WriteAllText(Path.Combine(Repo, ".git", Marker + ".txt"), Requirements);
        foreach (var (name, content) in SecretFiles)
        {
            File.WriteAllText(Path.Combine(Outside, name), content);
            File.WriteAllText(Path.Combine(Outside, "dir", name), content);
        }

        File.WriteAllText(Path.Combine(Outside, "dir", Marker + ".txt"), Requirements);

        // What a folder link would expose if it were walked or used as a build context.
        File.WriteAllText(Path.Combine(Outside, "dir", "requirements.txt"), Requirements);
        File.WriteAllText(Path.Combine(Outside, "dir", "conda.yml"), SecretFiles[1].Content);
        File.WriteAllText(Path.Combine(Outside, "dir", "Dockerfile"), SecretFiles[2].Content);
    }

    /// <summary>What actions/checkout persists, with the marker as the token.</summary>
    public static string GitConfig => $"[core]\n\tbare = false\n[http \"https://github.com/\"]\n\textraheader = AUTHORIZATION: basic {Marker}\n{Marker} = 1\n";

    public static string Requirements => $"{Marker} = 1\n{Marker}==1.0\n";

    /// <summary>One secret per reader kind, each written so that reader would quote the marker in a finding.</summary>
    public static IReadOnlyList<(string Name, string Content)> SecretFiles { get; } =
    [
        ("secret.txt", Requirements),
        ("secret.yml", $"channels: [conda-forge]\ndependencies:\n  - python=3.11\n  - {Marker}\n  - pip\n  - pip:\n    - {Marker} = 1\n"),
        ("secret.Dockerfile", $"FROM {Marker}\nRUN pip install {Marker}\n"),
        ("secret.json", $"{{\"name\": \"{Marker}\", \"python\": {{\"userManagedDependencies\": \"{Marker}\", \"condaDependencies\": {{\"dependencies\": [\"{Marker}\"]}}}}}}\n"),
        ("secret.log", $"ERROR: Could not find a version that satisfies the requirement {Marker}==1.0 (from versions: none)\nERROR: No matching distribution found for {Marker}==1.0\n"),
        ("secret.config", $"{Marker}: 1\nfail-on: {Marker}\n"),
        ("secret.ignore", $"{Marker}\n*\n"),
    ];

    public string Top { get; }

    public string Repo { get; }

    public string Outside { get; }

    public string Results { get; }

    public string InRepo(string relative) => Path.Combine(Repo, relative);

    public void Write(string relative, string content)
    {
        var path = InRepo(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Link(string relative, string target)
    {
        var path = InRepo(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
    }

    /// <summary>
    /// Runs the CLI in the repository as a GitHub runner would (job summary and step outputs to files), with every
    /// output format written to a file outside the repository, and returns everything it produced.
    /// </summary>
    public RunOutput Run(params string[] args) => Run(new Dictionary<string, string>(StringComparer.Ordinal), args);

    /// <inheritdoc cref="Run(string[])"/>
    public RunOutput Run(IReadOnlyDictionary<string, string> extraEnvironment, params string[] args)
    {
        var env = new Dictionary<string, string>(extraEnvironment, StringComparer.Ordinal)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = Repo,
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(Results, "summary.md"),
            ["GITHUB_OUTPUT"] = Path.Combine(Results, "output.txt"),
        };
        var formats = new List<string>();
        foreach (var format in new[] { "json", "sarif", "github", "azure", "markdown" })
        {
            formats.AddRange(["--format", format, "--output", Path.Combine(Results, "report." + format)]);
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = new CliConsole(stdout, stderr, name => env.GetValueOrDefault(name), false, new PhysicalFileSystem(Repo), FixedClock.SessionDay);
        var code = CliApp.Run([.. args, "--format", "text", .. formats], console);
        var files = Directory.EnumerateFiles(Results).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
        foreach (var file in Directory.EnumerateFiles(Results))
        {
            File.Delete(file);
        }

        return new RunOutput(code, stdout.ToString(), stderr.ToString(), files);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Top, recursive: true);
        }
        catch (IOException)
        {
            // A loop of links can make the delete trip; the temporary folder is the system's to clean then.
        }
    }
}

using CommandLine;

namespace PipelineGuard.Cli;

[Verb("check", isDefault: false, HelpText = "Check environment definitions (conda YAML, pip requirements, Azure ML v1 JSON / v2 YAML, Dockerfiles).")]
internal sealed class CheckVerb
{
    [Value(0, MetaName = "PATH", HelpText = "Files or folders to check (default: the current folder). Folders are walked recursively.")]
    public IEnumerable<string> Paths { get; set; } = [];

    // --format and --output pair in order and may repeat; FormatOutputPairs reads them before this parser
    // runs (CommandLineParser's sequences are greedy and cannot pair). Declared here for the help text.
    [Option('f', "format", HelpText = "Output format: text, compact, json, sarif, github, azure, markdown or auto (default: github under GitHub Actions, azure under Azure Pipelines, else text). Repeatable; pairs in order with --output.")]
    public string? Format { get; set; }

    [Option('o', "output", HelpText = "Write the preceding --format to this file instead of standard output.")]
    public string? Output { get; set; }

    // Repeatable, one value each; read before this parser runs, like --format. Declared here for the help text.
    [Option("build-log", HelpText = "An image-build log to diagnose (plain or gzip; '-' for standard input). Repeatable: --build-log a.log --build-log b.log.")]
    public string? BuildLog { get; set; }

    // Repeatable and comma-separated; RuleListOptions reads them before this parser runs, like --build-log.
    [Option("select", MetaValue = "RULES", HelpText = "Run only these rules: IDs or names, comma-separated (--select PG101,pip-unpinned). Repeatable.")]
    public string? Select { get; set; }

    [Option("ignore", MetaValue = "RULES", HelpText = "Do not run these rules: IDs or names, comma-separated (--ignore PG106). Repeatable; adds to the configuration's ignore.")]
    public string? Ignore { get; set; }

    /// <summary>The IDs of every <c>--select</c>, as <see cref="RuleListOptions"/> read them.</summary>
    public IReadOnlyList<string> SelectedRules { get; set; } = [];

    /// <summary>The IDs of every <c>--ignore</c>.</summary>
    public IReadOnlyList<string> IgnoredRules { get; set; } = [];

    [Option("verbose", HelpText = "Text format: every finding in full (the whole message, the source line, the fix), not grouped.")]
    public bool Verbose { get; set; }

    [Option("fail-on", HelpText = "Lowest severity that makes the run fail (exit 1): error (default), warning, notice or none.")]
    public string? FailOn { get; set; }

    [Option('c', "config", HelpText = "Configuration file (default: .pipelineguard.yml in the working directory, if present).")]
    public string? Config { get; set; }

    [Option("baseline", HelpText = "Report only findings that are not recorded in this baseline file.")]
    public string? Baseline { get; set; }

    [Option("write-baseline", HelpText = "Record the current findings in this file and exit 0 without reporting them (then use it with --baseline).")]
    public string? WriteBaseline { get; set; }

    // Online verification (docs/online.md); PipelineGuard.Online is loaded only when one of these is given.
    [Option("online", HelpText = "Also ask the package index, conda channels and image registries whether what the environments name exists (PG201-PG205).")]
    public bool Online { get; set; }

    [Option("offline", HelpText = "Like --online, but answer from the cache of earlier online runs alone, without any request.")]
    public bool Offline { get; set; }

    [Option("show-config", HelpText = "Print the effective settings and where each comes from, then exit.")]
    public bool ShowConfig { get; set; }

    // GitHub REST API (docs/ci/github-api.md); PipelineGuard.GitHub is loaded only when one of these is given.
    [Option("github-checks", HelpText = "Create a GitHub check run with every finding as an annotation (needs a token with checks: write).")]
    public bool GitHubChecks { get; set; }

    [Option("github-review", HelpText = "Comment on the pull request's changed lines, without repeating earlier comments (needs pull-requests: write).")]
    public bool GitHubReview { get; set; }

    [Option("only-changed", HelpText = "Keep only findings on lines the pull request (or --diff-base) adds or modifies.")]
    public bool OnlyChanged { get; set; }

    [Option("diff-base", MetaValue = "REF", HelpText = "With --only-changed: the changed lines are those of git diff REF...HEAD.")]
    public string? DiffBase { get; set; }

    [Option("github-token", MetaValue = "TOKEN", HelpText = "GitHub token (default: GITHUB_TOKEN, or the action's github-token input). Never printed.")]
    public string? GitHubToken { get; set; }

    // Azure Repos REST API (docs/ci/azure-pipelines.md); PipelineGuard.AzureDevOps is loaded only when it is given.
    [Option("azure-repos-threads", HelpText = "In an Azure Repos pull-request build: a thread per finding on a changed line, the rest in one summary thread (needs SYSTEM_ACCESSTOKEN).")]
    public bool AzureReposThreads { get; set; }
}

using PipelineGuard.Engine;
using PipelineGuard.IO;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Delivery;

/// <summary>
/// The image builds from the context it is given. The runner builds a Dockerfile action with the Dockerfile's own
/// folder as the context; the release and CI workflows build the image's Dockerfile the same way. Every COPY/ADD
/// source must be inside that context and present, and PipelineGuard's own PG131 must find nothing in it. (The RUN
/// steps are run on a copy holding only what the COPY instructions take: ContainerEntryPointTests.)
/// </summary>
public sealed class ImageBuildContextTests
{
    [Test]
    public void The_action_runs_the_pinned_image_that_the_workflows_build_from_the_Dockerfile_folder()
    {
        var release = Shipped.Read(".github/workflows/release.yml");
        var ci = Shipped.Read(".github/workflows/ci.yml");
        Assert.Multiple(() =>
        {
            Assert.That(Shipped.ActionImage(), Is.EqualTo(Shipped.PinnedImage));
            Assert.That(File.Exists(Path.Combine(Shipped.Root, "action", "Dockerfile")), Is.False,
                "the runner would build action/Dockerfile with action/ as its context, where the sources are not");
            Assert.That(release, Does.Contain("context: .").And.Contain($"file: {ImageDockerfile.RelativePath}"),
                "release.yml builds the image from the Dockerfile's folder, as the runner would");
            Assert.That(ci, Does.Match($@"docker build --file {ImageDockerfile.RelativePath} [^\n]* \.\n"),
                "ci.yml builds the image from the Dockerfile's folder, as the runner would");
        });
    }

    [Test]
    public void Every_COPY_source_is_inside_the_context_and_present()
    {
        var dockerfile = ImageDockerfile.Load();
        var sources = dockerfile.ContextSources().ToList();
        Assert.That(sources, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var source in sources)
            {
                var full = Path.GetFullPath(Path.Combine(dockerfile.Context, source));
                Assert.That(Path.IsPathRooted(source), Is.False, source);
                Assert.That(full + Path.DirectorySeparatorChar, Does.StartWith(dockerfile.Context + Path.DirectorySeparatorChar), $"{source} leaves the context");
                Assert.That(File.Exists(full) || Directory.Exists(full), Is.True, $"{source} is not in the context");
                Assert.That(source.Split('/').Intersect(["bin", "obj", ".git", "nupkg", "publish"]), Is.Empty, $"{source} is excluded by .dockerignore");
            }

            // Files are copied into WORKDIR itself and folders to the same path, so the laid-out copy is exact.
            foreach (var (_, arguments) in dockerfile.Instructions.Where(i => i.Instruction == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal)))
            {
                var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var destination = words[^1];
                Assert.That(destination == "./" || destination.StartsWith('/') || (words.Length == 2 && destination == words[0]), Is.True, arguments);
            }
        });
    }

    [Test]
    public void PipelineGuard_finds_no_context_problem_in_its_own_Dockerfile()
    {
        var result = new Checker(new PhysicalFileSystem(Shipped.Root), FixedClock.SessionDay).Run(new CheckOptions([ImageDockerfile.RelativePath]));
        var errors = result.Findings.Where(f => f.Severity == PipelineGuard.Model.Severity.Error).Select(f => $"{f.Span} {f.RuleId} {f.Message}");
        Assert.That(errors, Is.Empty);
    }

    /// <summary>The check above would have caught the old layout: action/Dockerfile with `COPY . .` and a source outside action/.</summary>
    [Test]
    public void PG131_reports_a_Dockerfile_that_copies_from_outside_its_folder()
    {
        var fs = Lint.Repo(
            ("action/Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY . .\nRUN dotnet publish src/PipelineGuard.Cli/PipelineGuard.Cli.csproj -o /app\nFROM mcr.microsoft.com/dotnet/runtime:10.0\nCOPY --from=build /app /app\nCOPY action/entrypoint.sh /entrypoint.sh\n"),
            ("action/entrypoint.sh", "#!/bin/sh\n"),
            ("action.yml", "runs:\n  using: docker\n  image: action/Dockerfile\n"));
        var findings = Lint.Run(fs, "action/Dockerfile").Findings.Where(f => f.RuleId == "PG131").ToList();
        Assert.That(findings.Select(f => f.Span.Line), Does.Contain(6), string.Join("\n", findings.Select(f => f.Message)));
    }
}

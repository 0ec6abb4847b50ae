using PipelineGuard.Model;

namespace PipelineGuard.BuildLogs;

/// <summary>
/// One recognised signature: the rule, a finer <see cref="Kind"/> (e.g. <c>version-not-found</c> under PG303), where it is,
/// and what it names: <see cref="Package"/> (as written in the log), a pip-list line (<see cref="RequirementsFile"/>,
/// <see cref="RequirementsLine"/>), the package that required it (<see cref="FromPackage"/>), an image or host.
/// </summary>
internal sealed record LogSignal(RuleInfo Rule, string Kind, Strength Strength, LogLine Line, string Message)
{
    public string? Package { get; init; }

    /// <summary>Further packages the message names (both sides of a conflict).</summary>
    public IReadOnlyList<string> OtherPackages { get; init; } = [];

    /// <summary>The requirements file pip cites (<c>-r file (line N)</c>, <c>from line N of file</c>).</summary>
    public string? RequirementsFile { get; init; }

    public int? RequirementsLine { get; init; }

    /// <summary>The requirement that pulled this one in (<c>(from good-package==1.0)</c>).</summary>
    public string? FromPackage { get; init; }

    /// <summary>The requirement text as pip quotes it, e.g. <c>numpy=1.19</c>.</summary>
    public string? RequirementText { get; init; }

    public string? Image { get; init; }

    /// <summary>The host of a registry, index or feed the message names.</summary>
    public string? Host { get; init; }

    public string? Fix { get; init; }

    /// <summary>
    /// The message again, naming a package that another signal of the step names (a compiler error above "Failed building wheel
    /// for X"): set by a rule whose signal names none, so that the ranking never edits a message's text.
    /// </summary>
    public Func<string, string>? NamingPackage { get; init; }

    /// <summary>Signals of one event (the packages of one ResolvePackageNotFound list) share a group and are reported together.</summary>
    public int Group { get; init; }

    public int Count { get; init; } = 1;

    public int Segment => Line.Segment;

    /// <summary>Same rule, kind and subject: repeated lines (retries, BuildKit's error summary) are one signal.</summary>
    public string Key => $"{Rule.Id}|{Kind}|{(Package is null ? null : Documents.Pip.RequirementTargetScanner.Normalize(Package)) ?? Image ?? Host ?? RequirementText ?? Message}";
}

using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// A requirement: the text pip hands to <c>install_req_from_line</c> (or, with <c>-e</c>,
/// <c>install_req_from_editable</c>), untouched, so a PEP 508 parser can run on it later and turn
/// its offsets into spans with <see cref="SpanOf"/>.
/// </summary>
internal sealed record RequirementLine : RequirementsEntry
{
    private readonly MappedText _requirement;

    internal RequirementLine(
        LogicalLine line,
        IReadOnlyList<(PipOption Option, MappedText? Value)> options,
        IReadOnlyList<Located<string>> ignoredArguments,
        MappedText requirement,
        bool isEditable)
        : base(line, [.. options.Select(o => o.Option)], ignoredArguments)
    {
        _requirement = requirement;
        Requirement = requirement.Locate();
        IsEditable = isEditable;
        var target = RequirementTargetScanner.Scan(requirement, isEditable);
        Kind = target.Kind;
        Name = target.Name;
        Target = target.Target;
        IsWheel = target.IsWheel;
        Hashes = [.. options.Where(o => o.Option.Spec == PipOptions.Hash && o.Value is not null).Select(o => SplitHash(o.Option, o.Value!))];
        ConfigSettings = [.. options.Where(o => o.Option.Spec == PipOptions.ConfigSettings && o.Value is not null).Select(o => SplitSetting(o.Option, o.Value!))];
        GlobalOptions = [.. OptionsOf(PipOptions.GlobalOption).Select(o => o.Value!)];
    }

    /// <summary>The requirement text as pip passes it on (for a non-editable line everything before
    /// the first option, trailing spaces included; for <c>-e</c> the value of the first <c>-e</c>).</summary>
    public Located<string> Requirement { get; }

    public bool IsEditable { get; }

    public RequirementKind Kind { get; }

    /// <summary>The project name when it can be seen without a full PEP 508 parse: a named
    /// requirement's name, "name @ url", "#egg=name", a wheel file name's first part.</summary>
    public Located<string>? Name { get; }

    /// <summary>PEP 503 normalised <see cref="Name"/> (lower case, runs of "-_." as one "-").</summary>
    public string? NormalizedName => Name is null ? null : RequirementTargetScanner.Normalize(Name.Value);

    /// <summary>The URL or path for non-<see cref="RequirementKind.Named"/> kinds (markers and extras left out).</summary>
    public Located<string>? Target { get; }

    /// <summary>The target is a wheel file (its path ends in ".whl").</summary>
    public bool IsWheel { get; }

    /// <summary>Every <c>--hash</c>. pip ignores per-requirement options on editable lines.</summary>
    public IReadOnlyList<PipHash> Hashes { get; }

    public IReadOnlyList<Located<string>> GlobalOptions { get; }

    public IReadOnlyList<PipConfigSetting> ConfigSettings { get; }

    /// <summary>The source span of <paramref name="length"/> characters at <paramref name="start"/>
    /// of <see cref="Requirement"/>'s text, exact across continuation lines, quotes and variables.</summary>
    public SourceSpan SpanOf(int start, int length) => _requirement.SpanOf(start, length);

    private static PipHash SplitHash(PipOption option, MappedText value)
    {
        var colon = value.Text.IndexOf(':', StringComparison.Ordinal);
        return new PipHash(value.Locate(0, colon), value.Locate(colon + 1, value.Length - colon - 1), option);
    }

    private static PipConfigSetting SplitSetting(PipOption option, MappedText value)
    {
        var equals = value.Text.IndexOf('=', StringComparison.Ordinal);
        return new PipConfigSetting(value.Locate(0, equals), value.Locate(equals + 1, value.Length - equals - 1), option);
    }
}

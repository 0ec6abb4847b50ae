namespace PipelineGuard.Cli;

/// <summary>One requested output: a format and where it goes (null: standard output).</summary>
internal sealed record FormatRequest(string Format, string? Output);

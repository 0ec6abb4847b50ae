using PipelineGuard.Model;
namespace PipelineGuard.Versioning.Pep508;

/// <summary>A piece of the requirement text (an extra, the URL...) and where it is.</summary>
internal sealed record LocatedText(string Value, TextSpan Span);

namespace PipelineGuard.Engine;

/// <summary>One build log: the name it is reported under and how to open it (read once, as a stream).</summary>
internal sealed record BuildLogInput(string Display, Func<Stream> Open);

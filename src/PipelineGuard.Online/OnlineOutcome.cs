using PipelineGuard.Model;

namespace PipelineGuard.Online;

/// <summary>What the online step gives back: the online rules' findings, and one notice per host it could not ask.</summary>
internal sealed record OnlineOutcome(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Notices);

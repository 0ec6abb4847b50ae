using System.Runtime.CompilerServices;
using System.Text;

namespace PipelineGuard.BuildLogs;

/// <summary>What reading a log saw: lines, bytes, lines cut to the cap, and the error that stopped reading early, if any.</summary>
internal sealed record LogReadSummary(int Lines, long Bytes, int TruncatedLines, string? Error);

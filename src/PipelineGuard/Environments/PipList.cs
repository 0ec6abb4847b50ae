using PipelineGuard.Model;

namespace PipelineGuard.Environments;

/// <summary>
/// The <c>- pip:</c> sub-list of a conda specification: the scalars as written, and the same list read as
/// the requirements file Azure ML writes from it (one entry per line).
/// </summary>
internal sealed record PipList(SourceSpan Key, IReadOnlyList<Located<string>> Entries)
{
    public Documents.Pip.RequirementsDocument Requirements { get; } = Documents.Pip.RequirementsFileReader.ReadPipList(Entries);
}

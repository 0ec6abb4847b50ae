namespace PipelineGuard.Versioning.Conda;

/// <summary>
/// The kind of one subcomponent of a conda version. The numeric values give conda's order between
/// kinds: every string sorts before every number, and 'post' (conda stores it as float infinity)
/// sorts after every number.
/// </summary>
internal enum CondaPartKind
{
    String = 0,
    Number = 1,
    Post = 2,
}

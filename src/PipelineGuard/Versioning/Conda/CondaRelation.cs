using System.Text.RegularExpressions;

namespace PipelineGuard.Versioning.Conda;

internal enum CondaRelation
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

using PipelineGuard.Model;
namespace PipelineGuard.Documents.Images;

/// <summary>
/// Why a text is not a valid image reference: <see cref="Offset"/>/<see cref="Length"/> (0-based, into the text)
/// cover the offending part (the bad character, the separator run, the tag, the digest); <see cref="Message"/>
/// says what is wrong in a sentence fragment without a final period.
/// </summary>
internal sealed record ImageReferenceError(int Offset, int Length, string Message, ImageReferenceErrorKind Kind)
{
    public TextSpan Range => new(Offset, Length);
}

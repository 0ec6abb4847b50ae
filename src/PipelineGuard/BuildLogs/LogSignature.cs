namespace PipelineGuard.BuildLogs;

/// <summary>
/// One way a log rule recognises a line. A line that contains one of <see cref="Keywords"/> (exact, case-sensitive) is
/// handed to every signature of the same <see cref="Family"/>, in <see cref="Order"/>; the first whose
/// <see cref="Match"/> returns true takes the line for that family (it may emit nothing: a line it knows to be noise).
/// The prefilter tables are built from these keywords, so a signature's keywords are declared only here.
/// </summary>
/// <param name="Family">The group of signatures a keyword routes to; a line may reach several families.</param>
/// <param name="Order">The position in the family: more specific wordings first (gaps of 10 leave room).</param>
/// <param name="Keywords">Literal words of which a line must hold at least one to reach the family.</param>
/// <param name="Match">True when the line is this signature's (emitting through the context, or deliberately not).</param>
internal sealed record LogSignature(Families Family, int Order, string[] Keywords, Func<LogLine, LogContext, bool> Match)
{
    /// <summary>
    /// Line beginnings that reach the family without an anchor of the first prefilter stage (<c>User for </c>, <c>E: </c>):
    /// checked by their first characters at the start of a line.
    /// </summary>
    public string[] LineStarts { get; init; } = [];

    /// <summary>
    /// Keywords that hold no anchor of <c>SignatureKeywords.Anchors</c> (Diagnosis) but whose lines carry one anyway
    /// (<c>ERROR: … which is incompatible</c>). A test checks that every keyword is anchored, a line start, or listed here.
    /// </summary>
    public string[] ReachedThroughTheirLine { get; init; } = [];
}

using System.Runtime.CompilerServices;
using PipelineGuard.BuildLogs;

namespace PipelineGuard.Diagnosis;

/// <summary>
/// The per-line work, in this order: strip the timestamps of every log generation (<see cref="LinePrefix"/>), follow the
/// step structure (classic <c>Step n/N :</c>, BuildKit <c>#n …</c>), skip lines without any signature keyword
/// (<see cref="SignatureKeywords"/>), and hand the rest, without colour codes, to the log rules (<see cref="LogRuleSet"/>).
/// Only the lines that pass the prefilter are turned into strings, so the cost per ordinary line is a few comparisons
/// and one vectorised search.
/// </summary>
internal sealed class LogScanner
{
    private readonly char[] _scratch = new char[LogLineReader.MaxLineChars];
    private readonly LogContext _context;
    private readonly BuildSteps _steps;
    private SummaryState _summary;

    public LogScanner(LogContext context)
    {
        _context = context;
        _steps = context.Steps;
    }

    private enum SummaryState
    {
        None,
        Dashes,
        Inside,
    }

    public int LastLine { get; private set; }

    /// <summary>Search every keyword on every line (the reference the two-stage prefilter is tested against).</summary>
    public bool Exhaustive { get; init; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnLine(int number, ReadOnlySpan<char> raw, long droppedChars, bool anchored)
    {
        _ = droppedChars;
        LastLine = number;
        var offset = LinePrefix.Length(raw);
        var content = raw[offset..];
        if (!content.IsEmpty && (content[0] == '\u001b' || content[0] == '['))
        {
            var lead = AnsiText.LeadingLength(content);
            offset += lead;
            content = content[lead..];
        }

        var segment = _steps.CurrentClassic;
        if (content.Length > 1 && content[0] == '#' && char.IsAsciiDigit(content[1]))
        {
            var consumed = BuildKitLine(number, content, out segment);
            if (consumed < 0)
            {
                return;
            }

            offset += consumed;
            content = content[consumed..];
        }
        else if (content.Length > 8 && (content.StartsWith("Step ", StringComparison.Ordinal) || content.StartsWith("STEP ", StringComparison.Ordinal)) && IsStepCounter(content[5..]))
        {
            segment = _steps.StartClassic(content.ToString(), number);
        }
        else if (BuildKitSummary(content))
        {
            return;
        }

        if (_context.Capturing)
        {
            if (_context.Offer(Materialize(number, content, offset, raw.Length, segment)))
            {
                return;
            }
        }

        if (TrackPackage(content) || !(Exhaustive ? content.IndexOfAny(SignatureKeywords.Any) >= 0 || SignatureKeywords.StartsALine(content)
                : anchored ? SignatureKeywords.MayMatch(content) : SignatureKeywords.StartsALine(content)))
        {
            return;
        }

        var line = Materialize(number, content, offset, raw.Length, segment);
        var families = SignatureKeywords.In(line.Text);
        if (families != Families.None)
        {
            LogRuleSet.Match(line, families, _context);
        }
    }

    /// <summary>
    /// A BuildKit line: <c>#5 [2/4] RUN …</c> starts step 5, <c>#5 DONE 1.2s</c> / <c>#5 CACHED</c> ends it, <c>#5 0.523 text</c> is its
    /// output. Returns how many characters of prefix to drop, or −1 when the line is structure only.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int BuildKitLine(int number, ReadOnlySpan<char> content, out int segment)
    {
        var i = 1;
        var id = 0;
        while (i < content.Length && char.IsAsciiDigit(content[i]) && i < 9)
        {
            id = (id * 10) + (content[i] - '0');
            i++;
        }

        segment = _steps.CurrentClassic;
        if (i >= content.Length || content[i] != ' ')
        {
            return 0;
        }

        segment = -id;
        var rest = content[(i + 1)..];
        if (rest.StartsWith("[", StringComparison.Ordinal))
        {
            _steps.StartBuildKit(segment, rest.ToString(), number);
            return -1;
        }

        if (rest.StartsWith("DONE", StringComparison.Ordinal) || rest.StartsWith("CACHED", StringComparison.Ordinal))
        {
            _steps.Set(segment, StepStatus.Succeeded);
            return -1;
        }

        if (rest.StartsWith("CANCELED", StringComparison.Ordinal))
        {
            _steps.Set(segment, StepStatus.Cancelled);
            return -1;
        }

        // "#5 12.34 output": drop the elapsed seconds too.
        var j = 0;
        while (j < rest.Length && (char.IsAsciiDigit(rest[j]) || rest[j] == '.'))
        {
            j++;
        }

        return j > 0 && j < rest.Length && rest[j] == ' ' ? i + 1 + j + 1 : i + 1;
    }

    /// <summary>
    /// BuildKit repeats the last lines of a failed step between <c>------</c> lines after <c> &gt; [2/4] RUN …:</c>; those repeats
    /// are skipped (the originals were read with their step).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool BuildKitSummary(ReadOnlySpan<char> content)
    {
        if (content.SequenceEqual("------"))
        {
            var inside = _summary == SummaryState.Inside;
            _summary = inside ? SummaryState.None : SummaryState.Dashes;
            return true;
        }

        if (_summary == SummaryState.Dashes)
        {
            _summary = content.StartsWith(" > [", StringComparison.Ordinal) ? SummaryState.Inside : SummaryState.None;
        }

        return _summary == SummaryState.Inside;
    }

    /// <summary>
    /// pip's "Collecting X", "Building wheel for X", "Running setup.py install for X": remembered without allocating (they are
    /// frequent), so that a compiler error or a kill can name the package pip was working on.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TrackPackage(ReadOnlySpan<char> content)
    {
        var s = content.TrimStart(' ');
        ReadOnlySpan<char> rest;
        if (s.StartsWith("Collecting ", StringComparison.Ordinal))
        {
            rest = s["Collecting ".Length..];
            if (rest.StartsWith("package metadata", StringComparison.Ordinal))
            {
                return false;
            }
        }
        else if (s.StartsWith("Building wheel for ", StringComparison.Ordinal))
        {
            rest = s["Building wheel for ".Length..];
        }
        else if (s.StartsWith("Running setup.py install for ", StringComparison.Ordinal))
        {
            rest = s["Running setup.py install for ".Length..];
        }
        else
        {
            return false;
        }

        _context.TrackPackage(rest);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsStepCounter(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i > 0 && i < s.Length && s[i] == '/';
    }

    private LogLine Materialize(int number, ReadOnlySpan<char> content, int offset, int rawLength, int segment)
    {
        string text;
        if (AnsiText.MayContainCodes(content))
        {
            var length = AnsiText.Strip(content, _scratch);
            text = new string(_scratch, 0, length);
        }
        else
        {
            text = content.ToString();
        }

        return new LogLine(number, text, offset + 1, rawLength + 1, segment);
    }
}

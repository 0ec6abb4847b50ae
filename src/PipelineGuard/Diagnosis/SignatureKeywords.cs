using System.Buffers;
using System.Runtime.CompilerServices;
using PipelineGuard.BuildLogs;

namespace PipelineGuard.Diagnosis;

/// <summary>
/// The cheap prefilter: every signature contains at least one of these literal keywords, so a line without any of them
/// (the vast majority) is skipped after one vectorised <see cref="SearchValues{T}"/> search. Matching is ordinal and
/// linear; no regular expression runs on log text. The keyword tables are built once from the signatures of the log
/// rules and of <see cref="BuildMarkers"/>; only the anchors of the first stage are chosen here.
/// </summary>
internal static class SignatureKeywords
{
    private static readonly (string Text, Families Family)[] Table = [.. LogRuleSet.AllSignatures
        .SelectMany(s => s.Keywords.Select(k => (Text: k, s.Family)))
        .GroupBy(k => k.Text, StringComparer.Ordinal)
        .Select(g => (g.Key, g.Aggregate(Families.None, (families, k) => families | k.Family)))];

    /// <summary>
    /// The first stage of the prefilter: few short anchors, compared without case, so that one vectorised search per line
    /// stays fast (SearchValues degrades past a few dozen strings). The search tests the first three characters of each
    /// anchor before comparing the rest, so an anchor is cut to begin where its keyword is rare in build output:
    /// "enied", not "denied" (every "dependencies"); "lloc", not "alloc" (every "install"); "n-zero", "orbidden",
    /// "esol", "nvexception", "alprovider" likewise. That halved the time of a 200 MB log (docs/performance.md). Every line that carries a keyword of <see cref="Table"/>
    /// also carries an anchor: the keyword contains one, or pip/conda/Docker print it on a line with <c>ERROR</c>,
    /// <c>failed</c>, … (see <see cref="ReachedThroughTheirLine"/>), or it starts a line (<see cref="LineStarts"/>).
    /// </summary>
    internal static readonly string[] Anchors =
    [
        "error", "fail", "found", "success", "n-zero", "timeout", "timed out", "onnection", "enied", "auth", "orbidden",
        "esol", "could not", "unable to", "uninstall", "nvexception", "killed", "lloc", "other conda", "alprovider",
        "space left", "invalid",
    ];

    /// <summary>Keywords that begin a line (after timestamps and indentation): checked by their first characters, not searched.</summary>
    internal static readonly string[] LineStarts = [.. LogRuleSet.AllSignatures.SelectMany(s => s.LineStarts).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Keywords without an anchor of their own whose lines carry one anyway (<c>ERROR: … which is incompatible</c>,
    /// <c>Error response from daemon: … no such host</c>), or that only matter inside a captured block (libmamba's list).
    /// A test keeps this list honest.
    /// </summary>
    internal static readonly string[] ReachedThroughTheirLine =
        [.. LogRuleSet.AllSignatures.SelectMany(s => s.ReachedThroughTheirLine).Distinct(StringComparer.Ordinal)];

    /// <summary><see cref="LineStarts"/> by their first character (ASCII), null where none starts with it.</summary>
    private static readonly string[]?[] LineStartsByFirstChar = BuildLineStarts();

    private static readonly (string Text, Families Family)[][] ByFirstChar = BuildIndex();

    /// <summary>
    /// Every keyword in one search, exact and case-sensitive: the reference the two-stage prefilter is tested against.
    /// Built on first use: at 150 keywords it takes tens of milliseconds, more than a whole one-file check.
    /// </summary>
    public static SearchValues<string> Any => LazyAny.Value;

    private static readonly Lazy<SearchValues<string>> LazyAny = new(() =>
        SearchValues.Create(Table.Select(t => t.Text).Distinct().ToArray(), StringComparison.Ordinal));

    /// <summary>The first characters of the keywords: the second stage looks for these, then compares the keywords that start there.</summary>
    private static readonly SearchValues<char> FirstChars = SearchValues.Create([.. Table.Select(t => t.Text[0]).Distinct()]);

    public static SearchValues<string> AnchorValues { get; } = SearchValues.Create(Anchors, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="content"/> (timestamps removed) may hold a signature: it has an anchor, or starts with a line-start keyword.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool MayMatch(ReadOnlySpan<char> content)
    {
        var trimmed = content.TrimStart(' ');
        if (!trimmed.IsEmpty && StartsLine(trimmed))
        {
            return true;
        }

        return content.IndexOfAny(AnchorValues) >= 0;
    }

    /// <summary>True when <paramref name="content"/> starts with a line-start keyword (for lines the reader found no anchor in).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool StartsALine(ReadOnlySpan<char> content)
    {
        var trimmed = content.TrimStart(' ');
        return !trimmed.IsEmpty && StartsLine(trimmed);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool StartsLine(ReadOnlySpan<char> s)
    {
        if (s[0] >= LineStartsByFirstChar.Length || LineStartsByFirstChar[s[0]] is not { } starts)
        {
            return false;
        }

        foreach (var start in starts)
        {
            if (s.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static IEnumerable<string> All => Table.Select(t => t.Text);

    /// <summary>The families of every keyword in <paramref name="text"/>.</summary>
    public static Families In(ReadOnlySpan<char> text)
    {
        var families = Families.None;
        var position = 0;
        while (position < text.Length)
        {
            // Only lines with an anchor get here (a few hundred in a large log), so a search for first characters is enough.
            var hit = text[position..].IndexOfAny(FirstChars);
            if (hit < 0)
            {
                break;
            }

            position += hit;
            var rest = text[position..];
            if (rest[0] < ByFirstChar.Length)
            {
                foreach (var (keyword, family) in ByFirstChar[rest[0]])
                {
                    if (rest.StartsWith(keyword, StringComparison.Ordinal))
                    {
                        families |= family;
                    }
                }
            }

            position++;
        }

        return families;
    }

    private static (string, Families)[][] BuildIndex()
    {
        var index = new (string, Families)[128][];
        for (var c = 0; c < index.Length; c++)
        {
            index[c] = [.. Table.Where(t => t.Text[0] == c)];
        }

        return index;
    }

    private static string[]?[] BuildLineStarts()
    {
        var index = new string[]?[128];
        foreach (var group in LineStarts.GroupBy(s => s[0]))
        {
            if (group.Key >= index.Length)
            {
                throw new InvalidOperationException($"A line start must begin with an ASCII character: '{group.First()}'.");
            }

            index[group.Key] = [.. group];
        }

        return index;
    }
}

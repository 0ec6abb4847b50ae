using System.Buffers;
using System.Globalization;
using PipelineGuard.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PipelineGuard.Documents.Tree;

/// <summary>
/// Reads the first YAML document into a <see cref="DocNode"/> tree, straight from YamlDotNet's event
/// parser with an explicit stack. Not through <c>YamlStream</c>: that builds its tree recursively
/// (deep nesting overflows the stack, which no catch can stop) and throws non-YAML exceptions on some
/// malformed input. Aliases become shared references (a DAG: no alias-bomb expansion); a duplicate
/// key is a problem, as in conda's ruamel loader.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>Deeper than any real environment file; beyond it the document is refused.</summary>
    private const int MaxDepth = 256;

    /// <summary>
    /// Nodes (mappings, sequences, scalars, keys, aliases) read at most. An environment has a few hundred; the bound keeps
    /// the tree, and every rule that walks it, small whatever a pull request puts in (docs/limits.md), and it stops
    /// the parser early on a big data file that only looked like one of ours.
    /// </summary>
    public const int MaxNodes = 10_000;

    /// <summary>The problem past <see cref="MaxNodes"/>, the same for YAML and JSON.</summary>
    public static readonly string TooManyNodes =
        $"the document has more than {MaxNodes} keys and values; PipelineGuard stops reading it here and checks none of it " +
        $"({ReadingBound.Marker}). An environment definition is far smaller: keep data (file lists, annotations, long package lists) in files of their own.";

    // Stand-ins for "{{" and "}}" of the same length, so positions do not move, that YAML reads as plain text.
    private static readonly SearchValues<char> YamlLineBreaks = SearchValues.Create("\r\u0085\u2028\u2029");

    private const string OpenStandIn = "\u00AB\u00AB";
    private const string CloseStandIn = "\u00BB\u00BB";

    public static DocParseResult Read(SourceText source)
    {
        if (ForeignLineBreak(source.Content) is { } at)
        {
            // YamlDotNet ends a line at a CR alone and at NEL, LS and PS (YAML 1.1); PipelineGuard's line table (like Docker
            // and git) only at LF, so the positions of the two would disagree. Such files are rare (classic Mac OS line
            // ends, text pasted from a word processor): say so at the first one rather than point at wrong lines.
            var what = source.Content[at] == '\r' ? "a carriage return alone (CR, classic Mac OS line ends)" : $"the line break U+{(int)source.Content[at]:X4}";
            return new DocParseResult(null, new ParseProblem(source.SpanOf(at, 1),
                $"invalid YAML: a line ends with {what}; save the file with LF (or CRLF) line ends"));
        }

        var result = Read(source, source.Content, restoreTemplates: false);
        if (result.Failed && source.Content.Contains("{{", StringComparison.Ordinal) &&
            !source.Content.Contains(OpenStandIn, StringComparison.Ordinal) && !source.Content.Contains(CloseStandIn, StringComparison.Ordinal))
        {
            // Sample repositories carry template placeholders that a script fills in before Azure ML sees the file
            // (`image: {{ACR_NAME}}.azurecr.io/x:1`); YAML reads '{' as a flow mapping. Tolerate them (docs/usage.md).
            var masked = source.Content.Replace("{{", OpenStandIn, StringComparison.Ordinal).Replace("}}", CloseStandIn, StringComparison.Ordinal);
            var retry = Read(source, masked, restoreTemplates: true);
            if (!retry.Failed)
            {
                return retry;
            }
        }

        return result;
    }

    /// <summary>The first CR not followed by LF, NEL (U+0085), LS (U+2028) or PS (U+2029), if any.</summary>
    private static int? ForeignLineBreak(string content)
    {
        for (var i = content.AsSpan().IndexOfAny(YamlLineBreaks); i >= 0;)
        {
            if (content[i] != '\r' || i + 1 >= content.Length || content[i + 1] != '\n')
            {
                return i;
            }

            var next = content.AsSpan(i + 1).IndexOfAny(YamlLineBreaks);
            i = next < 0 ? -1 : i + 1 + next;
        }

        return null;
    }

    private static DocParseResult Read(SourceText source, string content, bool restoreTemplates)
    {
        var builder = new Builder(source, restoreTemplates);
        Mark last = Mark.Empty;
        try
        {
            var parser = new Parser(new StringReader(content));
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
                var problem = builder.Accept(parser.Current!);
                if (problem is not null)
                {
                    return new DocParseResult(null, problem);
                }

                if (builder.Finished)
                {
                    break;
                }
            }

            return new DocParseResult(builder.Root, null);
        }
        catch (YamlException e)
        {
            // YamlDotNet's Message has no position; Start has it (1-based).
            var (line, column) = Inside(source, e.Start);
            return new DocParseResult(null, new ParseProblem(
                new SourceSpan(source.Path, line, column, line, column + 1), "invalid YAML: " + e.Message));
        }
#pragma warning disable CA1031 // YamlDotNet throws InvalidOperationException on some malformed input ("a: [1, 2\nb: 3").
        catch (Exception)
#pragma warning restore CA1031
        {
            // No position in the exception: the last event the parser completed is the best place to point at.
            var (line, column) = Inside(source, last);
            return new DocParseResult(null, new ParseProblem(
                new SourceSpan(source.Path, line, column, line, column + 1),
                "invalid YAML: the parser cannot go on after this point (an unclosed '[' or '{', or a stray character?)"));
        }
    }

    /// <summary>
    /// A YamlDotNet position as a place in the file: YamlDotNet reports the end of a file without a final line end on the
    /// line after it (issue 18's property tests found it), which is clamped to just after the last character.
    /// </summary>
    private static (int Line, int Column) Inside(SourceText source, Mark mark)
    {
        var line = Math.Max(1, (int)mark.Line);
        var column = Math.Max(1, (int)mark.Column);
        return line <= source.LineCount ? (line, column) : (source.LineCount, source.GetLine(source.LineCount).Length + 1);
    }

    private sealed class Builder(SourceText source, bool restoreTemplates)
    {
        private readonly Stack<Frame> _stack = new();
        private readonly Dictionary<string, DocNode> _anchors = new(StringComparer.Ordinal);
        private bool _inDocument;
        private int _nodes;

        public DocNode? Root { get; private set; }

        public bool Finished { get; private set; }

        public ParseProblem? Accept(ParsingEvent e)
        {
            if (e is Scalar or AnchorAlias or MappingStart or SequenceStart && ++_nodes > MaxNodes)
            {
                return new ParseProblem(SpanOf(e), TooManyNodes);
            }

            switch (e)
            {
                case DocumentStart:
                    _inDocument = true;
                    return null;
                case DocumentEnd:
                    Finished = _inDocument;
                    return null;
                case Scalar scalar:
                    return Add(ConvertScalar(scalar), scalar.Anchor, e);
                case AnchorAlias alias:
                    return _anchors.TryGetValue(alias.Value.Value, out var target)
                        ? Add(target, AnchorName.Empty, e)
                        : Problem(e, $"the anchor '{alias.Value.Value}' is not defined");
                case MappingStart mapping:
                    return Open(new Frame(new List<DocEntry>(), null, mapping.Anchor, SpanOf(e)), e);
                case SequenceStart sequence:
                    return Open(new Frame(null, new List<DocNode>(), sequence.Anchor, SpanOf(e)), e);
                case MappingEnd or SequenceEnd:
                    var frame = _stack.Pop();
                    DocNode node = frame.Entries is not null
                        ? new DocMapping(frame.Entries, frame.Span)
                        : new DocSequence(frame.Items!, frame.Span);
                    return Add(node, frame.Anchor, e);
                default:
                    return null;
            }
        }

        private ParseProblem? Open(Frame frame, ParsingEvent e)
        {
            if (_stack.Count >= MaxDepth)
            {
                return Problem(e, $"the document nests deeper than {MaxDepth} levels");
            }

            _stack.Push(frame);
            return null;
        }

        private ParseProblem? Add(DocNode node, AnchorName anchor, ParsingEvent e)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }

            if (_stack.Count == 0)
            {
                Root = node;
                return null;
            }

            var parent = _stack.Peek();
            if (parent.Items is not null)
            {
                parent.Items.Add(node);
                return null;
            }

            if (parent.PendingKey is null)
            {
                var key = node as DocScalar ?? new DocScalar(string.Empty, ScalarKind.Null, false, node.Span);
                if (node is DocScalar && !parent.Keys.Add(key.Value))
                {
                    return Problem(e, $"duplicate key '{key.Value}'");
                }

                parent.PendingKey = key;
                return null;
            }

            parent.Entries!.Add(new DocEntry(parent.PendingKey, node));
            parent.PendingKey = null;
            return null;
        }

        private DocScalar ConvertScalar(Scalar scalar)
        {
            var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
            var kind = scalar.IsPlainImplicit && scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Tag.IsEmpty
                ? ResolvePlain(scalar.Value)
                : ScalarKind.String;
            var value = restoreTemplates
                ? scalar.Value.Replace(OpenStandIn, "{{", StringComparison.Ordinal).Replace(CloseStandIn, "}}", StringComparison.Ordinal)
                : scalar.Value;
            return new DocScalar(value, kind, quoted, SpanOf(scalar));
        }

        // YAML 1.2 core schema words for plain scalars (where conda's ruamel and PyYAML agree).
        private static ScalarKind ResolvePlain(string value) => value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
            _ => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? ScalarKind.Number : ScalarKind.String,
        };

        private ParseProblem Problem(ParsingEvent e, string message) => new(SpanOf(e), "invalid YAML: " + message);

        private SourceSpan SpanOf(ParsingEvent e)
        {
            var (line, column) = Inside(source, e.Start);
            var (end, endColumnRaw) = Inside(source, e.End);
            var endLine = Math.Max(line, end);
            var endColumn = endLine == line ? Math.Max(column, endColumnRaw) : Math.Max(1, endColumnRaw);
            return new SourceSpan(source.Path, line, column, endLine, endColumn);
        }
    }

    private sealed class Frame(List<DocEntry>? entries, List<DocNode>? items, AnchorName anchor, SourceSpan span)
    {
        public List<DocEntry>? Entries { get; } = entries;

        public List<DocNode>? Items { get; } = items;

        public AnchorName Anchor { get; } = anchor;

        public SourceSpan Span { get; } = span;

        public DocScalar? PendingKey { get; set; }

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }
}

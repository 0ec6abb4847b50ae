using System.Text;
using System.Text.Json;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Tree;

/// <summary>
/// Reads JSON into a <see cref="DocNode"/> tree with real positions. System.Text.Json's
/// <see cref="Utf8JsonReader"/> reports byte offsets; they are turned into 1-based lines and
/// character columns through the <see cref="SourceText"/> line table.
/// </summary>
internal static class JsonTreeReader
{
    private const int MaxDepth = 64;

    /// <summary>
    /// Nodes (objects, arrays, scalars, keys) read at most, as for YAML. An environment has a few hundred; a bound keeps
    /// the tree, and every rule that walks it, small whatever a pull request puts in (docs/limits.md).
    /// </summary>
    public const int MaxNodes = YamlTreeReader.MaxNodes;

    public static DocParseResult Read(SourceText source)
    {
        var bytes = Encoding.UTF8.GetBytes(source.Content);
        var map = new ByteToChar(source.Content);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            // Azure ML reads azureml_environment.json with Python's json module, which refuses comments and trailing
            // commas: read as strictly, so they are a positioned PG113 here instead of an error at registration.
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = MaxDepth,
        });
        var context = new Context(source, map);
        try
        {
            if (!reader.Read())
            {
                return new DocParseResult(null, null);
            }

            var root = ReadValue(ref reader, context);
            if (reader.Read())
            {
                throw new JsonException("more than one value at the top level", null, null, null);
            }

            return new DocParseResult(root, null);
        }
        catch (JsonException) when (context.Stop is { } stop)
        {
            var at = map.CharOffset(stop.ByteOffset);
            return new DocParseResult(null, new ParseProblem(source.SpanOf(at, Math.Min(1, source.Content.Length - at)), stop.Message));
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = ColumnOf(source, line, (int)(e.BytePositionInLine ?? 0));
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut].TrimEnd('.', ' ');
            }

            return new DocParseResult(null, new ParseProblem(new SourceSpan(source.Path, line, column, line, column + 1), "invalid JSON: " + Explain(message, source, line, column)));
        }
    }

    /// <summary>
    /// System.Text.Json's words for what Python's json module (Azure ML's reader) also refuses, said for the person who
    /// wrote the file: a comment, a trailing comma. Other messages pass as they are.
    /// </summary>
    private static string Explain(string message, SourceText source, int line, int column)
    {
        var text = line >= 1 && line <= source.LineCount ? source.GetLine(line) : string.Empty;
        var at = column - 1;
        if (at >= 0 && at + 1 < text.Length && text[at] == '/' && text[at + 1] is '/' or '*')
        {
            return "a comment; JSON has none, and Python's json module, which Azure ML reads this file with, refuses it. Remove it";
        }

        return message.Contains("trailing comma", StringComparison.Ordinal)
            ? "a trailing comma before the closing bracket; Python's json module, which Azure ML reads this file with, refuses it. Remove the comma"
            : message;
    }

    private static DocNode ReadValue(ref Utf8JsonReader reader, Context context)
    {
        var (source, map) = (context.Source, context.Map);
        var start = (int)reader.TokenStartIndex;
        context.Count(start);

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                // The start is mapped now, before the children move the cursor past it: mapping it at the end would
                // rewind the cursor to the file's start for every container, quadratic on a large data JSON (a COCO
                // annotation file of a few MB in azureml-examples took 20 s).
                var objectStart = map.CharOffset(start);
                var entries = new List<DocEntry>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var keyStart = (int)reader.TokenStartIndex;
                    context.Count(keyStart);
                    var key = StringOf(ref reader, context);
                    var keySpan = Span(source, map, keyStart, keyStart + reader.ValueSpan.Length + 2);
                    reader.Read();
                    entries.Add(new DocEntry(new DocScalar(key, ScalarKind.String, true, keySpan), ReadValue(ref reader, context)));
                }

                return new DocMapping(entries, SpanFromChar(source, map, objectStart, (int)reader.TokenStartIndex + 1));
            case JsonTokenType.StartArray:
                var arrayStart = map.CharOffset(start);
                var items = new List<DocNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, context));
                }

                return new DocSequence(items, SpanFromChar(source, map, arrayStart, (int)reader.TokenStartIndex + 1));
            case JsonTokenType.String:
                return new DocScalar(StringOf(ref reader, context), ScalarKind.String, true, Span(source, map, start, start + reader.ValueSpan.Length + 2));
            case JsonTokenType.Number:
                return new DocScalar(Encoding.UTF8.GetString(reader.ValueSpan), ScalarKind.Number, false, Span(source, map, start, start + reader.ValueSpan.Length));
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new DocScalar(reader.TokenType == JsonTokenType.True ? "true" : "false", ScalarKind.Boolean, false, Span(source, map, start, start + reader.ValueSpan.Length));
            default:
                return new DocScalar(string.Empty, ScalarKind.Null, false, Span(source, map, start, start + reader.ValueSpan.Length));
        }
    }

    /// <summary>
    /// A string or key after unescaping. <c>"\ud800"</c> without its low half is valid JSON syntax that no UTF-8 or UTF-16
    /// text can hold: System.Text.Json throws <see cref="InvalidOperationException"/> there (issue 18 found it as a crash).
    /// </summary>
    private static string StringOf(ref Utf8JsonReader reader, Context context)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            throw context.Fail((int)reader.TokenStartIndex, "invalid JSON: the string has a \\u escape of half a character (a lone surrogate such as \\ud800), " +
                "which no UTF-8 text can hold; write the character itself, or both halves of its escape (\\ud83d\\ude00)");
        }
    }

    private static SourceSpan Span(SourceText source, ByteToChar map, int startByte, int endByte)
    {
        var start = map.CharOffset(startByte);
        return source.SpanOf(start, map.CharOffset(endByte) - start);
    }

    /// <summary>A span from an already mapped start (a character offset) to a byte offset.</summary>
    private static SourceSpan SpanFromChar(SourceText source, ByteToChar map, int startChar, int endByte) =>
        source.SpanOf(startChar, map.CharOffset(endByte) - startChar);

    private static int ColumnOf(SourceText source, int line, int bytePosition)
    {
        var text = source.GetLine(line);
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (bytes >= bytePosition)
            {
                return i + 1;
            }

            bytes += Encoding.UTF8.GetByteCount(text.AsSpan(i, char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1));
            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return text.Length + 1;
    }

    /// <summary>Where reading stopped on a problem the JSON reader does not know (too many values, a lone surrogate).</summary>
    private sealed record StopPoint(int ByteOffset, string Message);

    /// <summary>What one read carries along: the source, the offset map, the value count, and why it stopped.</summary>
    private sealed class Context(SourceText source, ByteToChar map)
    {
        public SourceText Source { get; } = source;

        public ByteToChar Map { get; } = map;

        private int _nodes;

        public StopPoint? Stop { get; private set; }

        /// <summary>Counts one node (a key or a value) starting at <paramref name="byteOffset"/>; stops past <see cref="MaxNodes"/>.</summary>
        public void Count(int byteOffset)
        {
            if (++_nodes > MaxNodes)
            {
                throw Fail(byteOffset, YamlTreeReader.TooManyNodes);
            }
        }

        public JsonException Fail(int byteOffset, string message)
        {
            Stop = new StopPoint(byteOffset, message);
            return new JsonException(message);
        }
    }

    /// <summary>Maps UTF-8 byte offsets to UTF-16 offsets; offsets are asked for in increasing order mostly, so a cursor suffices.</summary>
    private sealed class ByteToChar(string text)
    {
        private int _byte;
        private int _char;

        public int CharOffset(int byteOffset)
        {
            if (byteOffset < _byte)
            {
                _byte = 0;
                _char = 0;
            }

            while (_byte < byteOffset && _char < text.Length)
            {
                var c = text[_char];
                if (char.IsHighSurrogate(c) && _char + 1 < text.Length)
                {
                    _byte += 4;
                    _char += 2;
                }
                else
                {
                    _byte += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                    _char++;
                }
            }

            return _char;
        }
    }
}

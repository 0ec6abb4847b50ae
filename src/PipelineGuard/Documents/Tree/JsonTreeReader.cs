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

    public static DocParseResult Read(SourceText source)
    {
        var bytes = Encoding.UTF8.GetBytes(source.Content);
        var map = new ByteToChar(source.Content);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        });
        try
        {
            if (!reader.Read())
            {
                return new DocParseResult(null, null);
            }

            var root = ReadValue(ref reader, source, map);
            if (reader.Read())
            {
                throw new JsonException("more than one value at the top level", null, null, null);
            }

            return new DocParseResult(root, null);
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

            return new DocParseResult(null, new ParseProblem(new SourceSpan(source.Path, line, column, line, column + 1), "invalid JSON: " + message));
        }
    }

    private static DocNode ReadValue(ref Utf8JsonReader reader, SourceText source, ByteToChar map)
    {
        var start = (int)reader.TokenStartIndex;
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
                    var key = reader.GetString() ?? string.Empty;
                    var keySpan = Span(source, map, keyStart, keyStart + reader.ValueSpan.Length + 2);
                    reader.Read();
                    entries.Add(new DocEntry(new DocScalar(key, ScalarKind.String, true, keySpan), ReadValue(ref reader, source, map)));
                }

                return new DocMapping(entries, SpanFromChar(source, map, objectStart, (int)reader.TokenStartIndex + 1));
            case JsonTokenType.StartArray:
                var arrayStart = map.CharOffset(start);
                var items = new List<DocNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, source, map));
                }

                return new DocSequence(items, SpanFromChar(source, map, arrayStart, (int)reader.TokenStartIndex + 1));
            case JsonTokenType.String:
                return new DocScalar(reader.GetString() ?? string.Empty, ScalarKind.String, true, Span(source, map, start, start + reader.ValueSpan.Length + 2));
            case JsonTokenType.Number:
                return new DocScalar(Encoding.UTF8.GetString(reader.ValueSpan), ScalarKind.Number, false, Span(source, map, start, start + reader.ValueSpan.Length));
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new DocScalar(reader.TokenType == JsonTokenType.True ? "true" : "false", ScalarKind.Boolean, false, Span(source, map, start, start + reader.ValueSpan.Length));
            default:
                return new DocScalar(string.Empty, ScalarKind.Null, false, Span(source, map, start, start + reader.ValueSpan.Length));
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

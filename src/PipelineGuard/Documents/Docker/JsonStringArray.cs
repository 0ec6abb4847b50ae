using System.Globalization;
using System.Text;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// The exec form of an instruction: a JSON array of strings (BuildKit line_parsers.go
/// <c>parseJSON</c>). Anything that is not one is shell form, as in BuildKit.
/// </summary>
internal static class JsonStringArray
{
    /// <summary>One element: its value and the range [ContentStart, ContentEnd) inside the quotes.</summary>
    internal readonly record struct Element(string Value, int ContentStart, int ContentEnd, int[] ValueOffsets);

    /// <summary>The elements of text[start, end), or null when it is not a JSON array of strings.</summary>
    public static List<Element>? TryParse(string text, int start, int end)
    {
        var i = SkipBlanks(text, start, end);
        if (i >= end || text[i] != '[')
        {
            return null;
        }

        var elements = new List<Element>();
        i = SkipBlanks(text, i + 1, end);
        if (i < end && text[i] == ']')
        {
            return SkipBlanks(text, i + 1, end) == end ? elements : null;
        }

        while (true)
        {
            if (i >= end || text[i] != '"')
            {
                return null;
            }

            var contentStart = i + 1;
            var value = new StringBuilder();
            var offsets = new List<int>();
            i++;
            while (i < end && text[i] != '"')
            {
                var c = text[i];
                if (c < ' ')
                {
                    return null;
                }

                if (c != '\\')
                {
                    offsets.Add(i);
                    value.Append(c);
                    i++;
                    continue;
                }

                if (i + 1 >= end)
                {
                    return null;
                }

                var e = text[i + 1];
                offsets.Add(i);
                switch (e)
                {
                    case '"' or '\\' or '/': value.Append(e); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'u' when i + 5 < end
                        && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                        value.Append((char)code);
                        i += 4;
                        break;
                    default: return null;
                }

                i += 2;
            }

            if (i >= end)
            {
                return null;
            }

            elements.Add(new Element(value.ToString(), contentStart, i, [.. offsets]));
            i = SkipBlanks(text, i + 1, end);
            if (i < end && text[i] == ',')
            {
                i = SkipBlanks(text, i + 1, end);
                continue;
            }

            if (i < end && text[i] == ']')
            {
                return SkipBlanks(text, i + 1, end) == end ? elements : null;
            }

            return null;
        }
    }

    private static int SkipBlanks(string text, int i, int end)
    {
        while (i < end && text[i] is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }

        return i;
    }
}

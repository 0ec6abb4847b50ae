using System.Text;
using System.Text.Json;
using CsCheck;
using PipelineGuard.Documents.Docker;
using PipelineGuard.Documents.Pip;
using PipelineGuard.Documents.Tree;
using PipelineGuard.IO;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.Documents.Properties;

/// <summary>
/// Property tests of the readers a pull request feeds (issue 18): on any text, and on any bytes through the decoder,
/// a reader never throws and every position it gives lies inside the file. CsCheck shrinks a failure to a small input.
/// </summary>
public sealed class ReaderPropertyTests
{
    // Characters that matter to one format or another, the awkward ones of issue 18 among them: NUL, CR alone, a lone
    // surrogate, U+FFFD, a BOM, NEL/LS/PS (YAML 1.1 line breaks), tabs, quotes, escapes, brackets.
    private const string Awkward = "ab:-=<>[]{},\"'\\`$ \t\n\r#&|;*!%@~?.0123\0\u00e9\uFFFD\uFEFF\u0085\u2028\ud800\U0001F600";

    // Declared before their use: static fields initialise in order.
    private static readonly Gen<object> Scalar = Gen.OneOf(
        Gen.String[Gen.Char["ab \u00e9\"\\\n\t\u2713<>&"], 0, 8].Select(s => (object)s),
        Gen.Int[-1000, 1000].Select(i => (object)i),
        Gen.Bool.Select(b => (object)b));

    private static readonly Gen<object> JsonValue = Gen.Recursive<object>((depth, inner) => depth >= 4
        ? Scalar
        : Gen.Frequency(
            (3, Scalar),
            (1, inner.List[0, 4].Select(l => (object)l)),
            (1, Gen.Select(Gen.String[Gen.Char["ab\u00e9\"\\\n\u2713"], 0, 6], inner).List[0, 4]
                .Select(pairs => (object)pairs.DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2)))));

    private static readonly Gen<string> JsonText = JsonValue.Select(v => JsonSerializer.Serialize(v));

    private static readonly Gen<string> AwkwardText = Gen.Char[Awkward].Array[0, 120].Select(c => new string(c));

    // Lines made of format pieces, so that the inputs get past the first token often.
    private static readonly Gen<string> YamlLike = Gen.OneOf<string>(
        "name: e\n", "dependencies:\n", "  - python=3.11\n", "  - pip:\n", "    - numpy==1.26\n", "- &a x\n", "- *a\n",
        "k: [1, {a: b}]\n", "'q': \"\\u00e9\"\n", "? k\n", ": v\n", "  ", "\t", "\r\n", "\r", "#c\n", "{{ T }}\n", "key: |\n  x\n")
        .Array[0, 20].Select(string.Concat);

    private static readonly Gen<string> DockerLike = Gen.OneOf<string>(
        "FROM python:3.11\n", "RUN pip install a==1 'b>=2' \\\n", "  c<3 && bash -c \"pip install d\"\n", "# escape=`\n",
        "RUN <<EOF\npip install e\nEOF\n", "COPY --from=x a b\n", "ENV A=1 B=\"2\"\n", "RUN [\"pip\", \"install\", \"f\"]\n",
        "\\\n", "`\n", "\r\n", "\r", " ", "\"", "'", "$(", "${A", "ONBUILD RUN x\n")
        .Array[0, 20].Select(string.Concat);

    private static readonly Gen<string> RequirementsLike = Gen.OneOf<string>(
        "numpy==1.26\n", "-r other.txt\n", "--index-url https://x/simple\n", "a[b]>=1; python_version<'3'\n", "\\\n",
        "# c\n", "-e git+https://h/r@v1#egg=x\n", "x @ https://h/x.whl\n", "${VAR}\n", "--hash=sha256:00\n", "\r\n", "\r", " ", "\t")
        .Array[0, 20].Select(string.Concat);

    [Test]
    public void The_yaml_reader_never_throws_and_points_inside_the_file() =>
        Gen.OneOf(AwkwardText, YamlLike).Sample(text =>
        {
            var source = new SourceText("e.yml", text);
            var result = YamlTreeReader.Read(source);
            return Inside(source, Spans(result));
        }, iter: 2000, print: Show);

    [Test]
    public void The_json_reader_never_throws_and_points_inside_the_file() =>
        Gen.OneOf(AwkwardText, AwkwardText.Select(t => "{\"a\": [\"" + t + "\", 1]}"), JsonText).Sample(text =>
        {
            var source = new SourceText("e.json", text);
            return Inside(source, Spans(JsonTreeReader.Read(source)));
        }, iter: 2000, print: Show);

    [Test]
    public void The_dockerfile_reader_never_throws_and_points_inside_the_file() =>
        Gen.OneOf(AwkwardText, DockerLike).Sample(text =>
        {
            var source = new SourceText("Dockerfile", text);
            var document = DockerfileReader.Read(source);
            var spans = document.Problems.Select(p => p.Span)
                .Concat(document.Instructions.Select(i => i.Span))
                .Concat(document.Instructions.SelectMany(i => (i.Run ?? i.OnBuildInner?.Run)?.Commands ?? []).SelectMany(c => c.Words).Select(w => w.Span));
            return Inside(source, spans);
        }, iter: 2000, print: Show);

    [Test]
    public void The_requirements_reader_never_throws_and_points_inside_the_file() =>
        Gen.OneOf(AwkwardText, RequirementsLike).Sample(text =>
        {
            var source = new SourceText("requirements.txt", text);
            var document = RequirementsFileReader.Read(source);
            return Inside(source, document.Problems.Select(p => p.Span).Concat(document.Entries.Select(e => e.Span)));
        }, iter: 2000, print: Show);

    [Test]
    public void Any_bytes_decode_and_read_without_throwing() =>
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            foreach (var (text, _) in new[] { TextDecoder.Decode(bytes), TextDecoder.DecodeAsPip(bytes) })
            {
                _ = YamlTreeReader.Read(new SourceText("e.yml", text));
                _ = JsonTreeReader.Read(new SourceText("e.json", text));
                _ = DockerfileReader.Read(new SourceText("Dockerfile", text));
                _ = RequirementsFileReader.Read(new SourceText("requirements.txt", text));
            }
        }, iter: 2000, print: Show);

    [Test]
    public void A_requirements_file_in_any_encoding_pip_detects_reads_as_its_utf8_copy()
    {
        var encodings = new Encoding[] { new UTF8Encoding(true), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true), new UTF32Encoding(false, true), new UTF32Encoding(true, true) };
        Gen.Select(RequirementsLike, Gen.Int[0, encodings.Length - 1]).Sample((text, e) =>
        {
            var encoding = encodings[e];
            var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
            var (decoded, invalid) = TextDecoder.DecodeAsPip(bytes);
            return invalid is null && new SourceText("r.txt", decoded).Content == text;
        }, iter: 500);
    }

    /// <summary>JSON written by System.Text.Json from a random value reads back as the same value (a round trip through the tree).</summary>
    [Test]
    public void Json_round_trips_through_the_tree() =>
        JsonValue.Sample(value =>
        {
            var text = JsonSerializer.Serialize(value);
            var result = JsonTreeReader.Read(new SourceText("v.json", text));
            return result.Root is { } root && JsonSerializer.Serialize(Back(root)) == text;
        }, iter: 1000);

    /// <summary>The tree as plain values again: strings, numbers, booleans, null, lists, dictionaries.</summary>
    private static object Back(DocNode node) => node switch
    {
        DocScalar { Kind: ScalarKind.Number } s => int.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture),
        DocScalar { Kind: ScalarKind.Boolean } s => s.AsBoolean!.Value,
        DocScalar { Kind: ScalarKind.String } s => s.Value,
        DocSequence q => q.Items.Select(Back).ToList(),
        DocMapping m => m.Entries.ToDictionary(e => e.Key.Value, e => Back(e.Value)),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static IEnumerable<SourceSpan> Spans(DocParseResult result)
    {
        if (result.Problem is { } problem)
        {
            yield return problem.Span;
        }

        var seen = new HashSet<DocNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<DocNode>(result.Root is null ? [] : [result.Root]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            yield return node.Span;
            foreach (var child in node switch
            {
                DocSequence s => s.Items,
                DocMapping m => m.Entries.SelectMany(e => new DocNode[] { e.Key, e.Value }),
                _ => [],
            })
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>The failing input as a C# string literal would need it: every character visible.</summary>
    private static string Show(string text) => JsonSerializer.Serialize(text);

    private static string Show(byte[] bytes) => Convert.ToHexString(bytes);

    /// <summary>Every span starts and ends on a line of the file, within that line or just after its end.</summary>
    private static bool Inside(SourceText source, IEnumerable<SourceSpan> spans)
    {
        foreach (var span in spans)
        {
            // False, not an assertion: CsCheck then shrinks the input and reports it with its seed.
            if (!Within(source, span.Line, span.Column) || !Within(source, span.EndLine, span.EndColumn) ||
                (span.EndLine, span.EndColumn).CompareTo((span.Line, span.Column)) < 0)
            {
                return false;
            }
        }

        return true;
    }

    // A line's text here keeps a CR before its LF: a column may point at it.
    private static bool Within(SourceText source, int line, int column) =>
        line >= 1 && line <= source.LineCount && column >= 1 && column <= source.GetLine(line).Length + 2;
}

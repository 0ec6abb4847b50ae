using System.Text.Json.Nodes;
using PipelineGuard.Documents.Pip;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.Documents.Pip;

/// <summary>
/// Differential test against pip 23.2.1's own parser: tools/oracles/pip_reqfile.py wrote each
/// Vectors/pip-reqfile/NAME.txt and what pip made of it into NAME.json.
/// </summary>
public sealed class PipOracleVectorTests
{
    private static string VectorDirectory => Path.Combine(AppContext.BaseDirectory, "Vectors", "pip-reqfile");

    public static IEnumerable<string> Vectors() =>
        Directory.GetFiles(VectorDirectory, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    [Test]
    public void There_are_vectors() => Assert.That(Vectors().Count(), Is.GreaterThanOrEqualTo(15));

    [TestCaseSource(nameof(Vectors))]
    public void Every_logical_line_matches_pips_line_parser(string name)
    {
        var oracle = LoadOracle(name);
        var document = ReadVector(oracle["file"]!.GetValue<string>(), Environment(oracle));
        var expected = oracle["lines"]!.AsArray();
        Assert.That(document.Entries, Has.Count.EqualTo(expected.Count), "logical line count");
        using (Assert.EnterMultipleScope())
        {
            for (var i = 0; i < expected.Count && i < document.Entries.Count; i++)
            {
                var want = expected[i]!.AsObject();
                var entry = document.Entries[i];
                var where = $"{name} line {want["lineno"]}";
                Assert.That(entry.LineNumber, Is.EqualTo(want["lineno"]!.GetValue<int>()), where + ": lineno");
                Assert.That(entry.Line.Text, Is.EqualTo(want["line"]!.GetValue<string>()), where + ": text");
                if (want["error"] is { } error)
                {
                    Assert.That(entry, Is.TypeOf<ProblemLine>(), where);
                    Assert.That((entry as ProblemLine)?.Problem.Message, Is.EqualTo(error.GetValue<string>()), where);
                    continue;
                }

                Assert.That(entry, Is.Not.TypeOf<ProblemLine>(), where);
                Assert.That(ArgsOf(entry), Is.EqualTo(want["args"]!.GetValue<string>()), where + ": args");
                var opts = PipOptsFold.Fold(entry.Options);
                Assert.That(JsonNode.DeepEquals(opts, want["opts"]), Is.True, $"{where}: opts {opts.ToJsonString()} vs {want["opts"]!.ToJsonString()}");
            }
        }
    }

    [TestCaseSource(nameof(Vectors))]
    public void Following_includes_gives_pips_parse(string name)
    {
        var oracle = LoadOracle(name);
        var environment = Environment(oracle);
        var actual = new List<JsonObject>();
        var error = Walk(oracle["file"]!.GetValue<string>(), constraint: false, environment, actual);
        var parsed = oracle["parsed"]!.AsObject();
        var expected = parsed["lines"]!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual.Select(a => a.ToJsonString()), Is.EqualTo(expected.Select(e => e!.ToJsonString())));
            Assert.That(error, Is.EqualTo(parsed["error"]?["message"]?.GetValue<string>()));
        }
    }

    /// <summary>pip's RequirementsFileParser._parse_and_recurse over the reader's entries; returns pip's error message.</summary>
    private static string? Walk(string file, bool constraint, Func<string, string?> environment, List<JsonObject> output)
    {
        var document = ReadVector(file, environment);
        foreach (var entry in document.Entries)
        {
            switch (entry)
            {
                case ProblemLine problem:
                    return PipErrorMessage(problem);
                case IncludeLine include:
                    // os.path.join(os.path.dirname(filename), req_path)
                    var folder = file.Contains('/', StringComparison.Ordinal) ? file[..file.LastIndexOf('/')] : string.Empty;
                    var nested = folder.Length == 0 ? include.Path.Value : folder + "/" + include.Path.Value;
                    var nestedError = Walk(nested, include.IsConstraint, environment, output);
                    if (nestedError is not null)
                    {
                        return nestedError;
                    }

                    break;
                default:
                    var item = new JsonObject
                    {
                        ["filename"] = file,
                        ["lineno"] = entry.LineNumber,
                        ["is_requirement"] = entry is RequirementLine,
                        ["constraint"] = constraint,
                        ["opts"] = PipOptsFold.Fold(entry.Options),
                    };
                    if (entry is RequirementLine requirement)
                    {
                        item["requirement"] = requirement.Requirement.Value;
                        item["is_editable"] = requirement.IsEditable;
                    }

                    output.Add(item);
                    break;
            }
        }

        return null;
    }

    /// <summary>The message pip raises: RequirementsFileParseError wraps optparse's "prog: error: ..." and
    /// shlex's message; the --no-binary check is a bare CommandError.</summary>
    private static string PipErrorMessage(ProblemLine problem)
    {
        var message = problem.Problem.Message;
        if (message.StartsWith("--no-binary / --only-binary", StringComparison.Ordinal))
        {
            return message;
        }

        var detail = message.StartsWith("Could not split options: ", StringComparison.Ordinal) ? message : $"pip: error: {message}\n";
        return $"Invalid requirement: {problem.Line.Text}\n{detail}";
    }

    private static string ArgsOf(RequirementsEntry entry) =>
        entry is RequirementLine { IsEditable: false } requirement ? requirement.Requirement.Value : string.Empty;

    private static RequirementsDocument ReadVector(string file, Func<string, string?> environment)
    {
        var content = File.ReadAllText(Path.Combine(VectorDirectory, file), System.Text.Encoding.UTF8);
        return RequirementsFileReader.Read(new SourceText(file, content), environment);
    }

    private static JsonObject LoadOracle(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(VectorDirectory, name + ".json")))!.AsObject();

    private static Func<string, string?> Environment(JsonObject oracle)
    {
        var env = oracle["env"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
        return key => env.GetValueOrDefault(key);
    }
}

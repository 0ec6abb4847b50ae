using PipelineGuard.Documents.Pip;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.Documents.Pip;

public sealed class PipListReaderTests
{
    private static SourceSpan At(int line, int column, int endLine, int endColumn) => new("env.yml", line, column, endLine, endColumn);

    [Test]
    public void Plain_and_quoted_scalars_map_to_exact_columns()
    {
        // dependencies:
        //   - pip:
        //     - numpy==1.26            (line 5, value at column 9)
        //     - "pandas ; python_version < '3.12'"   (line 6, quote at column 9)
        //     - --extra-index-url https://x.example (line 7)
        var entries = new List<Located<string>>
        {
            new("numpy==1.26", At(5, 9, 5, 20)),
            new("pandas ; python_version < '3.12'", At(6, 9, 6, 43)),
            new("--extra-index-url https://x.example", At(7, 9, 7, 44)),
        };
        var document = RequirementsFileReader.ReadPipList(entries);
        var requirements = document.Requirements.ToList();
        var option = document.Entries.OfType<OptionLine>().Single().Options.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Path, Is.EqualTo("env.yml"));
            Assert.That(document.Problems, Is.Empty);
            Assert.That(requirements[0].LineNumber, Is.EqualTo(1));
            Assert.That(requirements[0].Name, Is.EqualTo(new Located<string>("numpy", At(5, 9, 5, 14))));
            Assert.That(requirements[0].Requirement.Span, Is.EqualTo(At(5, 9, 5, 20)));
            Assert.That(requirements[1].LineNumber, Is.EqualTo(2));
            Assert.That(requirements[1].Name, Is.EqualTo(new Located<string>("pandas", At(6, 10, 6, 16))));
            Assert.That(requirements[1].SpanOf(9, 14), Is.EqualTo(At(6, 19, 6, 33)));
            Assert.That(option.Value, Is.EqualTo(new Located<string>("https://x.example", At(7, 27, 7, 44))));
        }
    }

    [Test]
    public void Scalars_without_an_exact_map_use_the_whole_scalar()
    {
        // A folded scalar over two lines: its characters cannot be placed one by one.
        var entries = new List<Located<string>> { new("torch==2.0 --hash=sha256:abc", At(3, 7, 4, 20)) };
        var requirement = RequirementsFileReader.ReadPipList(entries).Requirements.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requirement.Name!.Span, Is.EqualTo(At(3, 7, 4, 20)));
            Assert.That(requirement.Hashes.Single().Digest.Span, Is.EqualTo(At(3, 7, 4, 20)));
        }
    }

    [Test]
    public void An_entry_ending_in_a_backslash_continues_into_the_next_as_in_the_written_file()
    {
        var entries = new List<Located<string>>
        {
            new("foo==1.0 \\", At(5, 9, 5, 19)),
            new("--hash=sha256:abc", At(6, 9, 6, 26)),
            new("-e", At(7, 9, 7, 11)),
        };
        var document = RequirementsFileReader.ReadPipList(entries);
        var requirement = document.Requirements.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requirement.LineNumber, Is.EqualTo(1));
            Assert.That(requirement.Hashes.Single().Digest, Is.EqualTo(new Located<string>("abc", At(6, 23, 6, 26))));
            Assert.That(document.Problems.Single(), Is.EqualTo(new ParseProblem(At(7, 9, 7, 11), "-e option requires 1 argument")));
        }
    }

    [Test]
    public void An_empty_list_is_an_empty_document() =>
        Assert.That(RequirementsFileReader.ReadPipList([]).Entries, Is.Empty);
}

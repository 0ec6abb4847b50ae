using PipelineGuard.Documents.Pip;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.Documents.Pip;

public sealed class RequirementsFileReaderSpanTests
{
    private static RequirementsDocument Read(string content, Func<string, string?>? environment = null) =>
        RequirementsFileReader.Read(new SourceText("req.txt", content), environment);

    private static SourceSpan At(int line, int column, int endLine, int endColumn) => new("req.txt", line, column, endLine, endColumn);

    [Test]
    public void Names_have_exact_columns()
    {
        var document = Read("numpy==1.0\n   Azure_ML.Core  ==  1.0\n");
        var requirements = document.Requirements.ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requirements[0].Name!.Span, Is.EqualTo(At(1, 1, 1, 6)));
            Assert.That(requirements[1].Name!.Value, Is.EqualTo("Azure_ML.Core"));
            Assert.That(requirements[1].Name!.Span, Is.EqualTo(At(2, 4, 2, 17)));
            Assert.That(requirements[1].NormalizedName, Is.EqualTo("azure-ml-core"));
            Assert.That(requirements[1].Requirement.Span, Is.EqualTo(At(2, 4, 2, 26)));
        }
    }

    [Test]
    public void Hashes_on_continuation_lines_keep_their_own_lines_and_columns()
    {
        var document = Read("foo==1.0 \\\n    --hash=sha256:abc \\\n    --hash sha384:def\n");
        var requirement = document.Requirements.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requirement.LineNumber, Is.EqualTo(1));
            Assert.That(requirement.Requirement.Value, Is.EqualTo("foo==1.0    "));
            Assert.That(requirement.Hashes, Has.Count.EqualTo(2));
            Assert.That(requirement.Hashes[0].Option.Name.Span, Is.EqualTo(At(2, 5, 2, 11)));
            Assert.That(requirement.Hashes[0].Algorithm.Span, Is.EqualTo(At(2, 12, 2, 18)));
            Assert.That(requirement.Hashes[0].Digest, Is.EqualTo(new Located<string>("abc", At(2, 19, 2, 22))));
            Assert.That(requirement.Hashes[1].Algorithm.Value, Is.EqualTo("sha384"));
            Assert.That(requirement.Hashes[1].Digest.Span, Is.EqualTo(At(3, 19, 3, 22)));
            Assert.That(requirement.Line.Span, Is.EqualTo(At(1, 1, 3, 22)));
        }
    }

    [Test]
    public void A_requirement_split_over_lines_maps_offsets_back_to_each_line()
    {
        var requirement = Read("# c\r\nbar\\\r\n==2.0 ; python_version < \"3.8\"\r\n").Requirements.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requirement.LineNumber, Is.EqualTo(2));
            Assert.That(requirement.Requirement.Value, Is.EqualTo("bar==2.0 ; python_version < \"3.8\""));
            Assert.That(requirement.Requirement.Span, Is.EqualTo(At(2, 1, 3, 31)));
            Assert.That(requirement.SpanOf(0, 3), Is.EqualTo(At(2, 1, 2, 4)));
            Assert.That(requirement.SpanOf(3, 2), Is.EqualTo(At(3, 1, 3, 3)));
            Assert.That(requirement.SpanOf(2, 3), Is.EqualTo(At(2, 3, 3, 3)));
            Assert.That(requirement.SpanOf(11, 14), Is.EqualTo(At(3, 9, 3, 23)));
        }
    }

    [Test]
    public void Include_paths_and_option_values_in_every_form()
    {
        var document = Read("-r  reqs/base.txt\n--constraint=c.txt\n-ihttps://x\n--index-url \"https://q\"\n--extra-index https://e\n");
        var includes = document.Includes.ToList();
        var options = document.Entries.OfType<OptionLine>().SelectMany(e => e.Options).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(includes[0].Path, Is.EqualTo(new Located<string>("reqs/base.txt", At(1, 5, 1, 18))));
            Assert.That(includes[0].IsConstraint, Is.False);
            Assert.That(includes[1].Path, Is.EqualTo(new Located<string>("c.txt", At(2, 14, 2, 19))));
            Assert.That(includes[1].IsConstraint, Is.True);
            Assert.That(options[0].Name, Is.EqualTo(new Located<string>("-i", At(3, 1, 3, 3))));
            Assert.That(options[0].Value, Is.EqualTo(new Located<string>("https://x", At(3, 3, 3, 12))));
            Assert.That(options[0].Spec, Is.SameAs(PipOptions.IndexUrl));
            Assert.That(options[1].Value, Is.EqualTo(new Located<string>("https://q", At(4, 14, 4, 23))));
            Assert.That(options[2].Name.Value, Is.EqualTo("--extra-index"));
            Assert.That(options[2].Spec, Is.SameAs(PipOptions.ExtraIndexUrl));
            Assert.That(options[2].Span, Is.EqualTo(At(5, 1, 5, 24)));
        }
    }

    [Test]
    public void Variables_are_kept_by_default_and_expanded_with_a_lookup()
    {
        const string content = "pkg==${PG_VERSION}\n";
        var kept = Read(content).Requirements.Single();
        var expanded = Read(content, name => name == "PG_VERSION" ? "1.2.3" : null).Requirements.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(kept.Requirement.Value, Is.EqualTo("pkg==${PG_VERSION}"));
            Assert.That(kept.Line.UsesEnvironmentVariables, Is.True);
            Assert.That(kept.Line.Variables[0].Name, Is.EqualTo(new Located<string>("PG_VERSION", At(1, 8, 1, 18))));
            Assert.That(kept.Line.Variables[0].Value, Is.Null);
            Assert.That(expanded.Requirement.Value, Is.EqualTo("pkg==1.2.3"));
            Assert.That(expanded.Line.Variables[0].Value, Is.EqualTo("1.2.3"));
            Assert.That(expanded.SpanOf(5, 5), Is.EqualTo(At(1, 6, 1, 19)));
            Assert.That(expanded.SpanOf(0, 3), Is.EqualTo(At(1, 1, 1, 4)));
        }
    }

    [Test]
    public void Editable_target_span_excludes_quotes()
    {
        var requirement = Read("-e \"./my pkg\"\n").Requirements.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requirement.IsEditable, Is.True);
            Assert.That(requirement.Requirement, Is.EqualTo(new Located<string>("./my pkg", At(1, 5, 1, 13))));
            Assert.That(requirement.Kind, Is.EqualTo(RequirementKind.LocalPath));
        }
    }

    [Test]
    public void Bad_lines_become_positioned_problems_and_reading_goes_on()
    {
        var document = Read("numpy\n--foo bar\n-e\n--hash=md5:x\npandas\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Problems, Has.Count.EqualTo(3));
            Assert.That(document.Problems[0], Is.EqualTo(new ParseProblem(At(2, 1, 2, 6), "no such option: --foo")));
            Assert.That(document.Problems[1], Is.EqualTo(new ParseProblem(At(3, 1, 3, 3), "-e option requires 1 argument")));
            Assert.That(document.Problems[2].Span, Is.EqualTo(At(4, 8, 4, 13)));
            Assert.That(document.Requirements.Select(r => r.Requirement.Value), Is.EqualTo(new[] { "numpy", "pandas" }));
        }
    }

    [Test]
    public void Garbage_and_large_inputs_never_throw()
    {
        var garbage = string.Concat(Enumerable.Range(0, 2000).Select(i => "\\-#'\"${A}= \t\r\n\f"[i % 15]));
        var huge = string.Concat(Enumerable.Repeat("${A}", 2500)) + "\n" + new string('\\', 10_000) + "\n" + string.Concat(Enumerable.Repeat("--pre ", 2000));
        Assert.Multiple(() =>
        {
            Assert.DoesNotThrow(() => Read(garbage, _ => "${A}"));
            Assert.DoesNotThrow(() => Read(huge, _ => "x"));
            Assert.That(Read(string.Empty).Entries, Is.Empty);
        });
    }

    [TestCase("numpy>=1.24", "Named", "numpy", null, false)]
    [TestCase("requests[socks]~=2.31; python_version < \"3.8\"", "Named", "requests", null, false)]
    [TestCase("name @ https://example.com/name-1.0.tar.gz", "Url", "name", "https://example.com/name-1.0.tar.gz", false)]
    [TestCase("https://example.com/y-1.0-py3-none-any.whl", "Url", "y", "https://example.com/y-1.0-py3-none-any.whl", true)]
    [TestCase("git+https://github.com/a/b.git@v1.2#egg=b", "Vcs", "b", "git+https://github.com/a/b.git@v1.2#egg=b", false)]
    [TestCase("other[ext]@git+https://github.com/o/o.git", "Vcs", "other", "git+https://github.com/o/o.git", false)]
    [TestCase("./local/pkg[extra]", "LocalPath", null, "./local/pkg", false)]
    [TestCase(".", "LocalPath", null, ".", false)]
    [TestCase("../x_y-1.0-py3-none-any.whl", "LocalPath", "x_y", "../x_y-1.0-py3-none-any.whl", true)]
    [TestCase("file:///tmp/pkg", "LocalPath", null, "file:///tmp/pkg", false)]
    [TestCase("pkg @ file:///tmp/pkg.zip ; python_version < \"3.8\"", "LocalPath", "pkg", "file:///tmp/pkg.zip", false)]
    [TestCase("https://example.com/y.zip#egg=y ; sys_platform == 'linux'", "Url", "y", "https://example.com/y.zip#egg=y", false)]
    public void Requirement_kinds_names_and_targets(string line, string kind, string? name, string? target, bool isWheel)
    {
        var requirement = Read(line + "\n").Requirements.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requirement.Kind.ToString(), Is.EqualTo(kind));
            Assert.That(requirement.Name?.Value, Is.EqualTo(name));
            Assert.That(requirement.Target?.Value, Is.EqualTo(target));
            Assert.That(requirement.IsWheel, Is.EqualTo(isWheel));
        }

        if (requirement.Name is { } located)
        {
            var egg = line.IndexOf("egg=" + located.Value, StringComparison.Ordinal);
            var column = egg >= 0 ? egg + 5 : line.IndexOf(located.Value, StringComparison.Ordinal) + 1;
            Assert.That(located.Span, Is.EqualTo(At(1, column, 1, column + located.Value.Length)));
        }
    }

    [Test]
    public void Editable_vcs_url_takes_its_name_from_the_egg_fragment()
    {
        var requirement = Read("-e git+https://github.com/acme/lib2.git#egg=lib2[extra]\n").Requirements.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requirement.Kind, Is.EqualTo(RequirementKind.Vcs));
            Assert.That(requirement.Name, Is.EqualTo(new Located<string>("lib2", At(1, 45, 1, 49))));
            Assert.That(requirement.Target!.Value, Is.EqualTo("git+https://github.com/acme/lib2.git#egg=lib2"));
        }
    }

    [Test]
    public void Per_requirement_options_are_split_and_ignored_words_kept()
    {
        var document = Read("baz -C k=v --global-option=--x\n--pre stray\n");
        var requirement = document.Requirements.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requirement.ConfigSettings.Single().Key, Is.EqualTo(new Located<string>("k", At(1, 8, 1, 9))));
            Assert.That(requirement.ConfigSettings.Single().Value, Is.EqualTo(new Located<string>("v", At(1, 10, 1, 11))));
            Assert.That(requirement.GlobalOptions.Single(), Is.EqualTo(new Located<string>("--x", At(1, 28, 1, 31))));
            Assert.That(document.Entries[1].IgnoredArguments.Single(), Is.EqualTo(new Located<string>("stray", At(2, 7, 2, 12))));
        }
    }
}

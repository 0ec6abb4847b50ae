using PipelineGuard.Documents.Docker;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.Rules;

/// <summary>Cases after moby/patternmatcher's patternmatcher_test.go and BuildKit's fsutil walk.</summary>
public sealed class DockerIgnoreTests
{
    private static DockerIgnore Read(string text) => DockerIgnore.Read(new SourceText(".dockerignore", text));

    private static bool Excluded(string dockerignore, string path) => Read(dockerignore).Evaluate(path).Excluded;

    [TestCase("**", "file", true)]
    [TestCase("**/", "file", true)]
    [TestCase("**/**", "file", true)]
    [TestCase("dir/**", "dir/file", true)]
    [TestCase("dir/**", "dir/dir2/file", true)]
    [TestCase("dir/**", "dirfile", false)]
    [TestCase("**/dir2/*", "dir/dir2/file", true)]
    [TestCase("**/dir2/*", "dir/dir2/g/file", false)]
    [TestCase("**/file", "file", true)]
    [TestCase("**/file", "dir/file", true)]
    [TestCase("**/file", "dirfile", false)]
    [TestCase("**/file*", "dir/dir/file.txt", true)]
    [TestCase("**file", "dirfile", true)]
    [TestCase("dir/**/file", "dir/file", true)]
    [TestCase("dir/**/file", "dir/dir1/dir2/file", true)]
    [TestCase("dir/**/file", "dirx/file", false)]
    [TestCase("**/dir", "dir", true)]
    [TestCase("pkg/**/*.go", "pkg/a/b.go", true)]
    [TestCase("pkg/**/*.go", "pkg/b.go", true)]
    [TestCase("a/b/*.txt", "a/b/c.txt", true)]
    [TestCase("*.txt", "a/c.txt", false)]
    [TestCase("[a-c]", "b", true)]
    [TestCase("[^a]", "a", false)]
    [TestCase("ab?", "abc", true)]
    [TestCase("ab?", "ab/", false)]
    [TestCase("abc.def", "abcxdef", false)]
    [TestCase("a\\*b", "a*b", true)]
    [TestCase("a\\*b", "axb", false)]
    [TestCase("dir", "dir", true)]
    [TestCase("dir", "dirx", false)]
    public void A_pattern_matches_as_patternmatcher_does(string pattern, string path, bool matches)
    {
        var compiled = Read(pattern).Patterns.Single();
        Assert.That(compiled.Matches(path), Is.EqualTo(matches));
    }

    [TestCase("data", "data/train/x.csv", true)]
    [TestCase("/outputs/", "outputs/model.pkl", true)]
    [TestCase("./logs/../logs", "logs/a.log", true)]
    [TestCase("# a comment\n\n  logs  \n", "logs/a.log", true)]
    [TestCase("# logs", "# logs", false)]
    [TestCase("docs\n!docs/README.md", "docs/README.md", false)]
    [TestCase("docs\n!docs/README.md", "docs/a.md", true)]
    [TestCase("*.md\n!README.md", "README.md", false)]
    [TestCase("*.md\n!README.md", "CHANGELOG.md", true)]
    [TestCase("*.md", "docs/a.md", false)]
    [TestCase("**/*.pyc\n**/__pycache__", "src/pkg/__pycache__/m.cpython-310.pyc", true)]
    [TestCase("*\n!requirements.txt\n!src", "requirements.txt", false)]
    [TestCase("*\n!requirements.txt\n!src", "src/score.py", false)]
    [TestCase("*\n!requirements.txt\n!src", "notebooks/eda.ipynb", true)]
    [TestCase("!   keep\nkeep", "keep", true)]
    public void A_path_is_excluded_by_the_last_pattern_that_matches_it_or_a_parent(string dockerignore, string path, bool excluded)
    {
        Assert.That(Excluded(dockerignore, path), Is.EqualTo(excluded));
    }

    [Test]
    public void An_exception_is_checked_against_the_parents_it_was_evaluated_for()
    {
        // fsutil walks with MatchesUsingParentResults: '!keep' is skipped for the folder 'keep' (nothing excluded it yet),
        // so it does not carry down to 'keep/a.txt', which '**/*.txt' excludes.
        Assert.Multiple(() =>
        {
            Assert.That(Excluded("**/*.txt\n!keep", "keep/a.txt"), Is.True);
            Assert.That(Excluded("**/*.txt\n!keep/a.txt", "keep/a.txt"), Is.False);
        });
    }

    [Test]
    public void The_deciding_pattern_and_its_line_are_given()
    {
        var verdict = Read("# build outputs\n\noutputs\n*.ckpt\n").Evaluate("model.ckpt");
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Excluded, Is.True);
            Assert.That(verdict.By?.Line, Is.EqualTo(4));
            Assert.That(verdict.By?.Written, Is.EqualTo("*.ckpt"));
        });
    }

    [TestCase("!", 1)]
    [TestCase("ok\n[a-", 2)]
    [TestCase("ok\n[]", 2)]
    public void A_pattern_BuildKit_refuses_makes_the_file_invalid(string text, int line)
    {
        var ignore = Read(text);
        Assert.Multiple(() =>
        {
            Assert.That(ignore.IsValid, Is.False);
            Assert.That(ignore.Error?.Line, Is.EqualTo(line));
        });
    }

    [Test]
    public void Matching_is_linear_on_long_inputs()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 200)) + "b";
        var path = new string('a', 5000);
        Assert.That(PathGlob.FilePathMatch(pattern)!.IsMatch(path), Is.False);
    }

    [TestCase("*.txt", "requirements.txt", true)]
    [TestCase("src/*", "src/a.py", true)]
    [TestCase("src/*", "src/pkg/a.py", false)]
    [TestCase("src/**", "src/a.py", true)]
    [TestCase("src/*/requirements.txt", "src/app/requirements.txt", true)]
    [TestCase("conda_[de]*.yml", "conda_env.yml", true)]
    public void Copy_wildcards_follow_filepath_match(string pattern, string path, bool matches)
    {
        Assert.That(PathGlob.FilePathMatch(pattern)!.IsMatch(path), Is.EqualTo(matches));
    }

    [TestCase("a/./b/../c", "a/c")]
    [TestCase("/abs//x/", "/abs/x")]
    [TestCase("../x", "../x")]
    [TestCase("", ".")]
    public void Clean_is_go_path_clean(string path, string cleaned)
    {
        Assert.That(GoPath.Clean(path), Is.EqualTo(cleaned));
    }

    [TestCase("../common/utils.py", "common/utils.py")]
    [TestCase("/requirements.txt", "requirements.txt")]
    [TestCase("./src/", "src")]
    [TestCase(".", "")]
    public void A_copy_source_never_leaves_the_context(string source, string path)
    {
        Assert.That(GoPath.InContext(source), Is.EqualTo(path));
    }
}

namespace PipelineGuard.Tests.Security;

/// <summary>
/// Every way PipelineGuard opens a path, against every way a pull request can plant a link (absolute, relative,
/// chains of 2 to 5 hops, folder links, <c>..</c> after a folder link, <c>/proc/self</c>, <c>.git</c>, loops). On the real
/// disk, since links are the operating system's. The secret marker must reach no output of any format, the refusal
/// must be said, and no file outside the repository may change.
/// </summary>
[NonParallelizable]
public sealed class SymlinkMatrixTests
{
    private static IEnumerable<TestCaseData> Matrix() =>
        from reader in GuardedReader.All
        from shape in LinkShape.All
        select new TestCaseData(reader, shape).SetName($"{reader} via {shape}");

    [SetUp]
    public void OnlyWhereLinksAreOrdinary() =>
        Assume.That(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "symbolic links need privileges on Windows");

    [TestCaseSource(nameof(Matrix))]
    public void A_planted_link_is_refused_and_nothing_of_its_target_is_printed(object readerCase, object shapeCase)
    {
        var (reader, shape) = ((GuardedReader)readerCase, (LinkShape)shapeCase);
        using var tree = new HostileTree();
        reader.Arrange(tree);
        var refusal = shape.Plant(tree, reader.LinkAt, reader.Secret, reader.Folder);

        var run = tree.Run(reader.Args);

        Assert.Multiple(() =>
        {
            Assert.That(run.All, Does.Not.Contain(HostileTree.Marker).IgnoreCase, "the secret reached an output");
            Assert.That(run.Code, Is.EqualTo(1).Or.EqualTo(2), run.Err);
            Assert.That(run.Out + run.Err, Does.Contain(refusal), "the refusal is said");
            AssertNothingOutsideChanged(tree);
        });
    }

    [TestCaseSource(nameof(Listings))]
    public void A_link_in_a_build_context_lists_nothing_of_its_target(object readerCase, object shapeCase)
    {
        var (reader, shape) = ((GuardedReader)readerCase, (LinkShape)shapeCase);
        using var tree = new HostileTree();
        reader.Arrange(tree);
        shape.Plant(tree, reader.LinkAt, reader.Secret, reader.Folder);

        var run = tree.Run(reader.Args);

        Assert.Multiple(() =>
        {
            Assert.That(run.All, Does.Not.Contain(HostileTree.Marker).IgnoreCase);
            Assert.That(run.Code, Is.EqualTo(0).Or.EqualTo(1), run.Err);
        });
    }

    private static IEnumerable<TestCaseData> Listings() =>
        from reader in GuardedReader.Listings
        from shape in LinkShape.All
        select new TestCaseData(reader, shape).SetName($"{reader} via {shape}");

    /// <summary>
    /// The control: the same secrets as plain files inside the repository are read and quoted, so a leak through a link
    /// would not go unseen by the matrix above.
    /// </summary>
    [TestCase("walk: requirements file")]
    [TestCase("walk: conda file")]
    [TestCase("walk: Dockerfile")]
    [TestCase("-r include")]
    [TestCase("conda_file")]
    [TestCase("configuration file")]
    [TestCase("--build-log")]
    public void The_same_secret_as_a_plain_file_in_the_repository_is_quoted(string name)
    {
        var reader = GuardedReader.All.Single(r => r.Name == name);
        using var tree = new HostileTree();
        reader.Arrange(tree);
        tree.Write(reader.LinkAt, HostileTree.SecretFiles.Single(s => s.Name == reader.Secret).Content);

        var run = tree.Run(reader.Args);

        Assert.That(run.All, Does.Contain(HostileTree.Marker));
    }

    private static void AssertNothingOutsideChanged(HostileTree tree)
    {
        foreach (var (name, content) in HostileTree.SecretFiles)
        {
            Assert.That(File.ReadAllText(Path.Combine(tree.Outside, name)), Is.EqualTo(content), name);
        }

        Assert.That(File.ReadAllText(Path.Combine(tree.Repo, ".git", "config")), Is.EqualTo(HostileTree.GitConfig));
    }
}

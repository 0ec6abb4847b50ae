using System.Diagnostics;
using System.Net.Sockets;

namespace PipelineGuard.Tests.Security;

/// <summary>
/// Files that are not regular files inside the repository (a FIFO, a socket) are never opened: opening a FIFO for
/// reading blocks until a writer comes, which would stall the check for good.
/// </summary>
[CancelAfter(30_000)]
[NonParallelizable]
public sealed class SpecialFileTests
{
    [SetUp]
    public void OnlyOnLinux() => Assume.That(OperatingSystem.IsLinux(), "FIFOs and Unix sockets as files");

    [Test]
    public void A_FIFO_named_like_a_requirements_file_is_not_opened()
    {
        using var tree = new HostileTree();
        tree.Write("envs/conda.yml", "channels: [defaults]\ndependencies:\n  - python=3.11.9\n  - pip=23.3.1\n  - pip:\n    - -r extra.txt\n");
        MakeFifo(tree.InRepo("requirements.txt"));
        MakeFifo(tree.InRepo("envs/extra.txt"));

        var run = tree.Run("check");

        Assert.That(run.Code, Is.EqualTo(0), run.Out + run.Err);
    }

    [Test]
    public void A_socket_named_like_a_Dockerfile_is_not_opened()
    {
        using var tree = new HostileTree();
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(tree.InRepo("Dockerfile")));
        tree.Write("requirements.txt", "numpy==1.26.4\n");

        var run = tree.Run("check");

        Assert.That(run.Code, Is.EqualTo(0).Or.EqualTo(1), run.Err);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assume.That(mkfifo.ExitCode, Is.Zero, "mkfifo is available");
    }
}

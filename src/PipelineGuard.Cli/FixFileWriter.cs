using PipelineGuard.IO;

namespace PipelineGuard.Cli;

/// <summary>
/// Writes a fixed file all at once: the new bytes go to a temporary file beside it, which then replaces it by a rename,
/// so a reader (or a crash) sees the old file or the new one, never half of each. The file keeps its permissions.
/// The path is the real path the guarded read found, so a symbolic link is never written through.
/// </summary>
internal static class FixFileWriter
{
    public static void Write(IFileSystem fs, string realPath, byte[] bytes)
    {
        switch (fs)
        {
            case PhysicalFileSystem:
                WriteAtomically(realPath, bytes);
                break;
            case InMemoryFileSystem memory:
                memory.Add(realPath, bytes);
                break;
            default:
                // IFileSystem writes only UTF-8 text; a byte-exact write needs one of the two above.
                throw new IOException("this file system cannot write a file byte for byte");
        }
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(path) ?? ".";
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.pipelineguard-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}

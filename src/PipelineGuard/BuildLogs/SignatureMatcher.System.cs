using PipelineGuard.Rules.Logs;

namespace PipelineGuard.BuildLogs;

/// <summary>apt-get (<c>E: Unable to locate package</c>), memory (<c>MemoryError</c>, <c>Killed</c>), disk space
/// (<c>No space left on device</c>, <c>[Errno 28]</c>), the shell (<c>/bin/sh: 1: X: not found</c>,
/// <c>exec: "X": executable file not found in $PATH</c>), make (<c>No targets specified and no makefile found</c>) and
/// compilers (gcc, headers, MPI).</summary>
internal sealed partial class SignatureMatcher
{
    private void MatchSystem(LogLine line)
    {
        var text = line.Text;
        var trimmed = line.Trimmed;

        // Before apt: apt-get itself reports a full disk as "E: Write error - write (28: No space left on device)".
        if (Has(text, "o space left on device") || Has(text, "Errno 28"))
        {
            DiskFull(line);
            return;
        }

        if (Has(text, "No targets specified and no makefile found"))
        {
            // GNU make's message when the current folder has no GNUmakefile, makefile or Makefile and no target was given
            // (https://www.gnu.org/software/make/manual/html_node/Makefile-Names.html).
            Emit(Signal(LogRules.MakeNoTargets, LogKinds.MakeNoTargets, Strength.Decisive, line,
                "'make' ran in a folder that has no Makefile (GNUmakefile, makefile or Makefile) and was given no target. The Makefile is not in the image " +
                "at that point: COPY it (and the sources) into the image before the RUN, run make in its folder (WORKDIR, 'make -C <dir>'), or name the " +
                "file with 'make -f <file> <target>'. A Makefile must indent recipes with tabs.")
                with { RequirementText = "make" });
            return;
        }

        if (Starts(trimmed, "E: "))
        {
            Apt(line);
            return;
        }

        if (Has(text, "Killed signal terminated program") || Has(text, "MemoryError") && IsExceptionName(text, "MemoryError") ||
            LogText.HasWord(text, "Killed") && !Has(text, "Killed signal") && (trimmed == "Killed" || Has(text, " Killed ") || trimmed.EndsWith(" Killed", StringComparison.Ordinal)) ||
            Has(text, "Cannot allocate memory") || Has(text, "bad_alloc"))
        {
            var package = CurrentPackage;
            Emit(Signal(LogRules.OutOfMemory, LogKinds.OutOfMemory, Strength.Decisive, line,
                $"the build ran out of memory ({LogText.Clip(trimmed, 80)}){(package is null ? string.Empty : $" while pip handled '{package}'")}: the kernel killed the process, or Python could not allocate. " +
                "Use a build compute with more memory, pin exact versions so that conda and pip have less to solve, install large packages as wheels rather than compiling them, and drop packages the job does not need.")
                with { Package = package });
            return;
        }

        if (Has(text, "executable file not found"))
        {
            var command = LogText.Quoted(text, Math.Max(0, text.IndexOf("exec:", StringComparison.Ordinal)));
            CommandNotFound(line, command);
            return;
        }

        if ((Has(text, ": not found") || Has(text, ": command not found")) && (Has(text, "sh:") || Has(text, "bash:")))
        {
            var end = text.LastIndexOf(Has(text, ": command not found") ? ": command not found" : ": not found", StringComparison.Ordinal);
            var head = text[..end];
            var colon = head.LastIndexOf(": ", StringComparison.Ordinal);
            var command = (colon < 0 ? head : head[(colon + 2)..]).Trim();
            CommandNotFound(line, command);
            return;
        }

        if (Has(text, "error: command '") && Has(text, "failed"))
        {
            var tool = LogText.Quoted(text, text.IndexOf("command '", StringComparison.Ordinal));
            Compile(line, $"the compiler step '{tool}' failed; the lines above it show the compiler's first error (a missing header, an incompatible source)");
            return;
        }

        if (Has(text, "unable to execute"))
        {
            var tool = LogText.Quoted(text, text.IndexOf("unable to execute", StringComparison.Ordinal));
            Compile(line, $"the compiler '{tool}' is not in the image. Install build-essential (and python3-dev) in the Dockerfile, or pin a release that ships a wheel");
            return;
        }

        if (Has(text, "fatal error:") && Has(text, "No such file or directory"))
        {
            var header = LogText.Until(LogText.After(text, "fatal error:")!.Trim(), ":");
            Compile(line, $"the header '{header}' is missing from the image: install the -dev package that provides it (python3-dev for Python.h) in the Dockerfile");
            return;
        }

        if (Has(text, "Cannot compile MPI programs"))
        {
            Compile(line, "mpi4py found no working MPI in the image (an MPI-3 implementation with its compiler wrappers and shared libraries). Use an Azure ML base image with MPI (openmpi…), or install MPI before mpi4py; Python 3.10 or newer helps", "mpi4py");
            return;
        }

        if (Has(text, "Visual C++"))
        {
            Compile(line, "the package needs Microsoft Visual C++ to build on Windows. Pin a release that ships a wheel, or build on Linux");
        }
    }

    private void Apt(LogLine line)
    {
        var t = line.Trimmed;
        string? package = null;
        string why;
        var strength = Strength.Decisive;
        if (Starts(t, "E: Unable to locate package "))
        {
            package = t["E: Unable to locate package ".Length..].Trim();
            why = $"apt-get found no package '{package}': the package lists are missing or stale (no 'apt-get update' in the same RUN), the name is wrong for the base image's release, or its repository is not configured";
        }
        else if (Has(t, "has no installation candidate"))
        {
            package = LogText.Quoted(t);
            why = $"apt-get knows '{package}' but has no installable version of it: the package lists are stale, or it is not published for the base image's release";
        }
        else if (Starts(t, "E: Version "))
        {
            package = LogText.Quoted(t, t.IndexOf(" for ", StringComparison.Ordinal));
            why = $"apt-get has no version {LogText.Quoted(t)} of '{package}' in its package lists";
        }
        else if (Has(t, "Failed to fetch") || Has(t, "Unable to fetch"))
        {
            why = "apt-get could not download a package: the package lists are stale (the version moved), or the mirror cannot be reached";
        }
        else if (Has(t, "lock") || Has(t, "are you root"))
        {
            why = "apt-get could not take its lock: it ran as a non-root user (add 'USER root' before it) or another apt-get was running";
        }
        else
        {
            why = $"apt-get failed: {LogText.Clip(t, 120)}";
            strength = Strength.Generic;
        }

        Emit(Signal(LogRules.AptGetFailed, LogKinds.AptFailed, strength, line,
            why + ". Run 'apt-get update && apt-get install -y <packages>' in one RUN as root, and check the names for the base image's release.")
            with { Package = package });
    }

    /// <summary>ENOSPC: "OSError: [Errno 28] No space left on device: '/opt/conda/pkgs/…'", Docker's "write /var/lib/…: no space left on device".</summary>
    private void DiskFull(LogLine line, string? package = null)
    {
        var text = line.Text;
        var at = text.IndexOf("o space left on device", StringComparison.Ordinal);
        var path = LogText.Quoted(text, Math.Max(0, at));
        if (path is null && LogText.After(text, "write /") is { } written && written.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
        {
            path = "/" + written[..colon];
        }

        package ??= CurrentPackage;
        Emit(Signal(LogRules.DiskFull, LogKinds.DiskFull, Strength.Decisive, line,
            $"the build ran out of disk space ({LogText.Clip(line.Trimmed, 100)})" +
            (path is null ? string.Empty : $" while writing '{path}'") +
            (package is null ? string.Empty : $" while installing '{package}'") +
            ": the image and the package caches filled the build machine's disk. Clean the caches in the same RUN that fills them " +
            "('pip install --no-cache-dir', 'conda clean -aqy'), drop large packages the job does not need (a CUDA toolkit the base image already has), " +
            "use a smaller base image, or build on a compute with a larger disk (the workspace's image build compute).")
            with { Package = package, RequirementText = path });
    }

    private void CommandNotFound(LogLine line, string? command)
    {
        var conda = command is "conda" or "mamba" or "micromamba";
        Emit(Signal(LogRules.CommandNotFound, LogKinds.CommandNotFound, Strength.Decisive, line,
            $"the command '{command}' does not exist in the image (exit code 127)" +
            (conda
                ? ": the base image has no conda on its PATH. Azure ML needs conda (4.5.4 or newer) in a custom base image to build the conda spec: install Miniconda in the Dockerfile, or set userManagedDependencies to true."
                : ". Install it in an earlier Dockerfile step, or fix PATH (ENV PATH=…); check its spelling."))
            with { RequirementText = command, Package = conda ? command : null });
    }

    private void Compile(LogLine line, string why, string? package = null)
    {
        package ??= CurrentPackage;
        Emit(Signal(LogRules.CompileFailed, LogKinds.CompileFailed, Strength.Decisive, line,
            $"{(package is null ? "a package" : $"'{package}'")} had to be compiled from source and {why}. Pinning a release that ships a wheel for this Python and platform avoids compiling.")
            with { Package = package });
    }

    /// <summary>True when <paramref name="name"/> is the exception of a traceback line (<c>MemoryError</c>, <c>MemoryError: …</c>, <c>raise MemoryError()</c>), not a word in prose.</summary>
    private static bool IsExceptionName(string text, string name)
    {
        var i = text.IndexOf(name, StringComparison.Ordinal);
        var end = i + name.Length;
        var before = i == 0 || text[i - 1] is ' ' or '.' or '\t' or '(' or ']';
        var after = end == text.Length || text[end] is ':' or '(' or ' ';
        return before && after;
    }
}

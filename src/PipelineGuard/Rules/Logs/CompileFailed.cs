using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG315: a package built from source failed. The compiler's own lines (<c>error: command 'gcc' failed</c>, <c>unable to
/// execute</c>, <c>fatal error: Python.h: No such file or directory</c>, mpi4py's <c>Cannot compile MPI programs</c>,
/// <c>Microsoft Visual C++ 14.0 is required</c>) are decisive; pip's summary (<c>Failed building wheel for X</c>,
/// <c>subprocess-exited-with-error</c>) is generic: the line above it usually says why.
/// </summary>
internal sealed class CompileFailed : LogRule
{
    public static readonly RuleInfo Rule = new("PG315", "compile-failed", Severity.Error,
        "A package had to be compiled from source and the build of its wheel failed.");

    public override RuleInfo Info => Rule;

    public override LogTraits Traits => LogTraits.NamesFailingPackage;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Pip, 190, ["Failed building wheel", "Could not build wheels", "Failed to build", "Command errored out", "subprocess-exited-with-error"], WheelFailed)
        {
            ReachedThroughTheirLine = ["Command errored out", "subprocess-exited-with-error"],
        },

        // "error: command 'gcc' failed with exit code 1" also reaches the family by its "failed with exit code".
        new(Families.System, 70, ["command '", "failed with exit code"], CompilerFailed) { ReachedThroughTheirLine = ["command '"] },
        new(Families.System, 80, ["unable to execute"], CompilerMissing),
        new(Families.System, 90, ["fatal error:"], HeaderMissing) { ReachedThroughTheirLine = ["fatal error:"] },
        new(Families.System, 100, ["Cannot compile MPI"], NoMpi) { ReachedThroughTheirLine = ["Cannot compile MPI"] },
        new(Families.System, 110, ["Visual C++"], NoVisualCpp) { ReachedThroughTheirLine = ["Visual C++"] },
    ];

    private static bool WheelFailed(LogLine line, LogContext context)
    {
        var text = line.Text;
        string? package = null;
        if (Has(text, "Failed building wheel for "))
        {
            package = LogText.RequirementName(LogText.After(text, "Failed building wheel for "));
        }
        else if (Has(text, "Could not build wheels for "))
        {
            package = LogText.RequirementName(LogText.After(text, "Could not build wheels for "));
        }
        else if (Has(text, "Failed to build installable wheels"))
        {
            package = LogText.RequirementName(LogText.After(text, "projects (") ?? string.Empty);
        }
        else if (Has(text, "Failed to build "))
        {
            package = LogText.RequirementName(LogText.After(text, "Failed to build "));
        }
        else if (!Has(text, "Command errored out") && !Has(text, "subprocess-exited-with-error"))
        {
            return false;
        }

        package ??= context.CurrentPackage;
        context.Emit(new LogSignal(Rule, LogKinds.WheelBuildFailed, Strength.Generic, line, WheelMessage(package))
            with { Package = package, NamingPackage = package is null ? WheelMessage : null });
        return true;
    }

    private static string WheelMessage(string? package) =>
        $"pip had to build {(package is null ? "a package" : $"'{package}'")} from source and the build failed. The lines above it name the reason " +
        "(a compiler or header missing from the image, an old setuptools, a Python the package does not support). Pin a release that ships a wheel " +
        "for this Python and platform, or install the build tools (gcc, python3-dev) in the Dockerfile.";

    private static bool CompilerFailed(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "error: command '") || !Has(text, "failed"))
        {
            return false;
        }

        var tool = LogText.Quoted(text, text.IndexOf("command '", StringComparison.Ordinal));
        Compile(line, context, $"the compiler step '{tool}' failed; the lines above it show the compiler's first error (a missing header, an incompatible source)");
        return true;
    }

    private static bool CompilerMissing(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "unable to execute"))
        {
            return false;
        }

        var tool = LogText.Quoted(text, text.IndexOf("unable to execute", StringComparison.Ordinal));
        Compile(line, context, $"the compiler '{tool}' is not in the image. Install build-essential (and python3-dev) in the Dockerfile, or pin a release that ships a wheel");
        return true;
    }

    private static bool HeaderMissing(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "fatal error:") || !Has(text, "No such file or directory"))
        {
            return false;
        }

        var header = LogText.Until(LogText.After(text, "fatal error:")!.Trim(), ":");
        Compile(line, context, $"the header '{header}' is missing from the image: install the -dev package that provides it (python3-dev for Python.h) in the Dockerfile");
        return true;
    }

    private static bool NoMpi(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "Cannot compile MPI programs"))
        {
            return false;
        }

        Compile(line, context, "mpi4py found no working MPI in the image (an MPI-3 implementation with its compiler wrappers and shared libraries). Use an Azure ML base image with MPI (openmpi…), or install MPI before mpi4py; Python 3.10 or newer helps", "mpi4py");
        return true;
    }

    private static bool NoVisualCpp(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "Visual C++"))
        {
            return false;
        }

        Compile(line, context, "the package needs Microsoft Visual C++ to build on Windows. Pin a release that ships a wheel, or build on Linux");
        return true;
    }

    private static void Compile(LogLine line, LogContext context, string why, string? package = null)
    {
        package ??= context.CurrentPackage;
        context.Emit(new LogSignal(Rule, LogKinds.CompileFailed, Strength.Decisive, line, CompileMessage(package, why))
            with { Package = package, NamingPackage = package is null ? p => CompileMessage(p, why) : null });
    }

    private static string CompileMessage(string? package, string why) =>
        $"{(package is null ? "a package" : $"'{package}'")} had to be compiled from source and {why}. Pinning a release that ships a wheel for this Python and platform avoids compiling.";
}

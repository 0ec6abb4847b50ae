using System.Buffers;
using System.Runtime.CompilerServices;

namespace PipelineGuard.BuildLogs;

/// <summary>Which group of signatures a keyword belongs to; a line is handed only to the groups whose keywords it contains.</summary>
[Flags]
internal enum Families
{
    None = 0,
    Markers = 1,
    Pip = 2,
    Conda = 4,
    Network = 8,
    Registry = 16,
    Docker = 32,
    System = 64,
}

/// <summary>
/// The cheap prefilter: every signature contains at least one of these literal keywords, so a line without any of them
/// (the vast majority) is skipped after one vectorised <see cref="SearchValues{T}"/> search. Matching is ordinal and
/// linear; no regular expression runs on log text.
/// </summary>
internal static class SignatureKeywords
{
    private static readonly (string Text, Families Family)[] Table =
    [
        // Structure, wrappers and progress (SignatureMatcher.Markers.cs).
        ("returned a non-zero code", Families.Markers),
        ("did not complete successfully", Families.Markers),
        ("executor failed running", Families.Markers),
        ("failed to solve", Families.Markers | Families.Docker),
        ("Error: building at STEP", Families.Markers),
        ("Successfully built", Families.Markers),
        ("Successfully tagged", Families.Markers),
        ("Successfully installed", Families.Markers),
        ("Successfully pushed", Families.Markers),
        ("was successful", Families.Markers),
        ("failed to run step", Families.Markers),
        ("Container failed during run", Families.Markers),
        ("mage build failed", Families.Markers),
        ("docker image failed", Families.Markers),
        ("failed with exit code", Families.Markers | Families.System),
        ("EnvironmentBuildFailed", Families.Markers),
        ("failed after", Families.Markers),
        ("deadline exceeded", Families.Markers),
        ("Pip subprocess error", Families.Markers),
        ("CondaValueError", Families.Markers),
        ("CondaEnvException", Families.Markers),
        ("The push refers to repository", Families.Markers),
        ("Pushing image", Families.Markers),
        ("Looking in indexes", Families.Markers),
        ("Solving environment", Families.Markers),
        ("Preparing transaction", Families.Markers),
        ("Verifying transaction", Families.Markers),
        ("Executing transaction", Families.Markers),
        ("Downloading and Extracting", Families.Markers),

        // pip (SignatureMatcher.Pip.cs).
        ("Could not find a version that satisfies", Families.Pip),
        ("No matching distribution found", Families.Pip),
        ("require a different python", Families.Pip),
        ("requires a different Python", Families.Pip),
        ("Skipping link: none of the wheel", Families.Pip),
        ("Could not fetch URL", Families.Pip),
        ("HTTP error", Families.Pip),
        ("Cannot uninstall", Families.Pip),
        ("uninstall-", Families.Pip),
        ("DO NOT MATCH THE HASHES", Families.Pip),
        ("require-hashes", Families.Pip),
        ("Can't verify hashes", Families.Pip),
        ("Cannot install ", Families.Pip),
        ("ResolutionImpossible", Families.Pip),
        ("dependency resolver does not currently", Families.Pip),
        ("which is incompatible", Families.Pip),
        ("Invalid requirement", Families.Pip),
        ("InvalidRequirement", Families.Pip),
        ("no such option", Families.Pip),
        ("Could not open requirements file", Families.Pip),
        ("ResolutionTooDeep", Families.Pip),
        ("looking at multiple versions", Families.Pip),
        ("taking longer than usual", Families.Pip),
        ("Failed building wheel", Families.Pip),
        ("Could not build wheels", Families.Pip),
        ("Failed to build", Families.Pip),
        ("Command errored out", Families.Pip),
        ("subprocess-exited-with-error", Families.Pip),
        ("ImpImporter", Families.Pip),
        ("No module named 'distutils'", Families.Pip),
        ("User for ", Families.Pip),
        ("EOFError", Families.Pip),
        ("CredentialProvider", Families.Pip),
        ("devicelogin", Families.Pip),
        ("No module named '", Families.Pip),

        // conda (SignatureMatcher.Conda.cs).
        ("ResolvePackageNotFound", Families.Conda),
        ("PackagesNotFoundError", Families.Conda),
        ("nothing provides", Families.Conda),
        ("Encountered problems while solving", Families.Conda),
        ("Could not solve for environment", Families.Conda),
        ("does not exist (perhaps", Families.Conda),
        ("UnsatisfiableError", Families.Conda),
        ("Found conflicts", Families.Conda | Families.Markers),
        ("existing python installation", Families.Conda),
        ("CondaHTTPError", Families.Conda),
        ("do not list pip itself", Families.Conda),
        ("other conda operations", Families.Conda),
        ("LOCKERROR", Families.Conda),
        ("LockError", Families.Conda),
        ("conda is already doing something", Families.Conda),
        ("Unable to run conda", Families.Conda),
        ("InvalidMatchSpec", Families.Conda),
        ("InvalidVersionSpec", Families.Conda),
        ("An error occurred while installing package", Families.Conda),
        ("conda.core.link:_execute", Families.Conda),
        ("LinkError:", Families.Conda),
        ("UnicodeDecodeError", Families.Conda),

        // Network (SignatureMatcher.Network.cs).
        ("timed out", Families.Network),
        ("TimeoutError", Families.Network),
        ("ECONNRESET", Families.Network),
        ("onnection broken", Families.Network),
        ("onnection refused", Families.Network),
        ("onnection reset", Families.Network),
        ("ConnectionResetError", Families.Network),
        ("i/o timeout", Families.Network),
        ("handshake timeout", Families.Network),
        ("Max retries exceeded", Families.Network),
        ("NewConnectionError", Families.Network),
        ("name resolution", Families.Network),
        ("Name or service not known", Families.Network),
        ("Temporary failure resolving", Families.Network),
        ("Could not resolve host", Families.Network),
        ("no such host", Families.Network),
        ("IncompleteRead", Families.Network),
        ("RemoteDisconnected", Families.Network),
        ("CERTIFICATE_VERIFY_FAILED", Families.Network),

        // Registries, auth, storage (SignatureMatcher.Registry.cs).
        ("nauthorized", Families.Registry),
        ("UNAUTHORIZED", Families.Registry),
        ("authentication required", Families.Registry),
        ("no basic auth credentials", Families.Registry),
        ("Forbidden", Families.Registry),
        ("FORBIDDEN", Families.Registry),
        ("not authorized to perform", Families.Registry),
        ("AuthenticationFailed", Families.Registry),
        ("AuthorizationFailure", Families.Registry),
        ("AuthorizationPermissionMismatch", Families.Registry),
        ("pull access denied", Families.Registry),
        ("repository does not exist", Families.Registry),
        ("Unable to resolve Container Registry", Families.Registry),
        ("ImageBuildComputeNotValid", Families.Registry),
        ("denied:", Families.Registry),

        // Docker (SignatureMatcher.Docker.cs).
        ("manifest unknown", Families.Docker),
        ("MANIFEST_UNKNOWN", Families.Docker),
        ("manifest for ", Families.Docker),
        ("failed to resolve source metadata", Families.Docker),
        ("arse error", Families.Docker),
        ("unknown instruction", Families.Docker),
        ("COPY failed", Families.Docker),
        ("ADD failed", Families.Docker),
        ("failed to compute cache key", Families.Docker),
        ("failed to calculate checksum", Families.Docker),
        ("error from sender", Families.Docker),
        ("failed to read dockerfile", Families.Docker),
        ("failed to push", Families.Docker),
        ("error pushing", Families.Docker),
        ("Failed to push", Families.Docker),

        // apt, memory, shell, compilers (SignatureMatcher.System.cs).
        ("E: ", Families.System),
        ("MemoryError", Families.System),
        ("Killed", Families.System),
        ("Cannot allocate memory", Families.System),
        ("bad_alloc", Families.System),
        ("not found", Families.System),
        ("executable file not found", Families.System),
        ("command '", Families.System),
        ("unable to execute", Families.System),
        ("fatal error:", Families.System),
        ("Cannot compile MPI", Families.System),
        ("Visual C++", Families.System),
        ("o space left on device", Families.System),
        ("Errno 28", Families.System),
        ("No targets specified and no makefile found", Families.System),
    ];

    /// <summary>
    /// The first stage of the prefilter: few short anchors, compared without case, so that one vectorised search per line
    /// stays fast (SearchValues degrades past a few dozen strings). Every line that carries a keyword of <see cref="Table"/>
    /// also carries an anchor: the keyword contains one, or pip/conda/Docker print it on a line with <c>ERROR</c>,
    /// <c>failed</c>, … (see <see cref="ReachedThroughTheirLine"/>), or it starts a line (<see cref="LineStarts"/>).
    /// </summary>
    internal static readonly string[] Anchors =
    [
        "error", "fail", "found", "success", "non-zero", "timeout", "timed out", "onnection", "denied", "auth", "forbidden",
        "resol", "could not", "unable to", "uninstall", "condaenvexception", "killed", "alloc", "other conda", "credentialprovider",
        "space left", "invalid",
    ];

    /// <summary>Keywords that begin a line (after timestamps and indentation): checked by their first characters, not searched.</summary>
    internal static readonly string[] LineStarts =
    [
        "Looking in indexes", "Solving environment", "Preparing transaction", "Verifying transaction", "Executing transaction",
        "Encountered problems", "Found conflicts", "Warning: you have pip", "INFO: ", "Link requires", "Skipping link", "User for ",
        "E: ", "Pushing image", "The push refers to repository", "Downloading and Extracting",
    ];

    /// <summary>
    /// Keywords without an anchor of their own whose lines carry one anyway (<c>ERROR: … which is incompatible</c>,
    /// <c>Error response from daemon: … no such host</c>), or that only matter inside a captured block (libmamba's list).
    /// A test keeps this list honest.
    /// </summary>
    internal static readonly string[] ReachedThroughTheirLine =
    [
        "was successful", "mage build failed", "EnvironmentBuildFailed", "failed after", "deadline exceeded", "Pip subprocess error",
        "CondaValueError", "Successfully built", "Successfully tagged", "Successfully installed", "Successfully pushed",
        "require a different python", "requires a different Python", "Skipping link: none of the wheel", "Could not fetch URL",
        "HTTP error", "DO NOT MATCH THE HASHES", "require-hashes", "Can't verify hashes", "Cannot install ", "ResolutionImpossible",
        "dependency resolver does not currently", "which is incompatible", "Invalid requirement", "InvalidRequirement", "no such option",
        "ResolutionTooDeep", "looking at multiple versions", "taking longer than usual", "Command errored out", "subprocess-exited-with-error",
        "ImpImporter", "No module named 'distutils'", "EOFError", "devicelogin", "nothing provides", "Encountered problems while solving",
        "does not exist (perhaps", "existing python installation", "do not list pip itself", "LOCKERROR", "LockError",
        "conda is already doing something", "ECONNRESET", "Max retries exceeded", "name resolution", "Name or service not known",
        "IncompleteRead", "RemoteDisconnected", "no such host", "repository does not exist", "ImageBuildComputeNotValid", "manifest unknown",
        "MANIFEST_UNKNOWN", "manifest for ", "arse error", "unknown instruction", "command '", "fatal error:", "Cannot compile MPI",
        "Visual C++", "Error: building at STEP", "executor failed running", "MemoryError", "bad_alloc", "UnsatisfiableError",
        "LibMambaUnsatisfiableError", "nauthorized", "UNAUTHORIZED", "FORBIDDEN",
        "No module named '", "conda.core.link:_execute", "Errno 28",
    ];

    private static readonly (string Text, Families Family)[][] ByFirstChar = BuildIndex();

    /// <summary>The second stage: every keyword, exact and case-sensitive, run only on lines that passed the first stage.</summary>
    public static SearchValues<string> Any { get; } =
        SearchValues.Create(Table.Select(t => t.Text).Distinct().ToArray(), StringComparison.Ordinal);

    public static SearchValues<string> AnchorValues { get; } = SearchValues.Create(Anchors, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="content"/> (timestamps removed) may hold a signature: it has an anchor, or starts with a line-start keyword.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool MayMatch(ReadOnlySpan<char> content)
    {
        var trimmed = content.TrimStart(' ');
        if (!trimmed.IsEmpty && StartsLine(trimmed))
        {
            return true;
        }

        return content.IndexOfAny(AnchorValues) >= 0;
    }

    /// <summary>True when <paramref name="content"/> starts with a line-start keyword (for lines the reader found no anchor in).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool StartsALine(ReadOnlySpan<char> content)
    {
        var trimmed = content.TrimStart(' ');
        return !trimmed.IsEmpty && StartsLine(trimmed);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool StartsLine(ReadOnlySpan<char> s) => s[0] switch
    {
        'L' => s.StartsWith("Looking in indexes", StringComparison.Ordinal) || s.StartsWith("Link requires", StringComparison.Ordinal),
        'S' => s.StartsWith("Solving environment", StringComparison.Ordinal) || s.StartsWith("Skipping link", StringComparison.Ordinal),
        'P' => s.StartsWith("Preparing transaction", StringComparison.Ordinal) || s.StartsWith("Pushing image", StringComparison.Ordinal),
        'V' => s.StartsWith("Verifying transaction", StringComparison.Ordinal),
        'E' => s.StartsWith("E: ", StringComparison.Ordinal) || s.StartsWith("Executing transaction", StringComparison.Ordinal) || s.StartsWith("Encountered problems", StringComparison.Ordinal),
        'F' => s.StartsWith("Found conflicts", StringComparison.Ordinal),
        'W' => s.StartsWith("Warning: you have pip", StringComparison.Ordinal),
        'I' => s.StartsWith("INFO: ", StringComparison.Ordinal),
        'U' => s.StartsWith("User for ", StringComparison.Ordinal),
        'T' => s.StartsWith("The push refers to repository", StringComparison.Ordinal),
        'D' => s.StartsWith("Downloading and Extracting", StringComparison.Ordinal),
        _ => false,
    };

    public static IEnumerable<string> All => Table.Select(t => t.Text);

    /// <summary>The families of every keyword in <paramref name="text"/>.</summary>
    public static Families In(ReadOnlySpan<char> text)
    {
        var families = Families.None;
        var position = 0;
        while (position < text.Length)
        {
            var hit = text[position..].IndexOfAny(Any);
            if (hit < 0)
            {
                break;
            }

            position += hit;
            var rest = text[position..];
            if (rest[0] < ByFirstChar.Length)
            {
                foreach (var (keyword, family) in ByFirstChar[rest[0]])
                {
                    if (rest.StartsWith(keyword, StringComparison.Ordinal))
                    {
                        families |= family;
                    }
                }
            }

            position++;
        }

        return families;
    }

    private static (string, Families)[][] BuildIndex()
    {
        var index = new (string, Families)[128][];
        for (var c = 0; c < index.Length; c++)
        {
            index[c] = [.. Table.Where(t => t.Text[0] == c)];
        }

        return index;
    }
}

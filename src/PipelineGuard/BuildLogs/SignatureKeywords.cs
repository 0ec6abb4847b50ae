using System.Buffers;

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
        ("Collecting ", Families.Markers),
        ("Building wheel for ", Families.Markers),
        ("Running setup.py install for ", Families.Markers),
        ("Solving environment", Families.Markers),
        ("Preparing transaction", Families.Markers),
        ("Verifying transaction", Families.Markers),
        ("Executing transaction", Families.Markers),
        ("Downloading and Extracting", Families.Markers),

        // pip (SignatureMatcher.Pip.cs).
        ("Could not find a version that satisfies", Families.Pip),
        ("No matching distribution", Families.Pip),
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
    ];

    private static readonly (string Text, Families Family)[][] ByFirstChar = BuildIndex();

    public static SearchValues<string> Any { get; } =
        SearchValues.Create(Table.Select(t => t.Text).Distinct().ToArray(), StringComparison.Ordinal);

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

using PipelineGuard.Rules.Logs;

namespace PipelineGuard.BuildLogs;

/// <summary>
/// pip's messages, pip 20 to 24 (old and new resolver). Wording from pip's sources: req/req_file.py, index/package_finder.py
/// (<c>Could not find a version that satisfies the requirement</c>), resolution/resolvelib/factory.py
/// (<c>ResolutionImpossible</c>), operations/prepare.py (hashes), exceptions.py (<c>uninstall-distutils-installed-package</c>,
/// <c>subprocess-exited-with-error</c>).
/// </summary>
internal sealed partial class SignatureMatcher
{
    private const string NotFoundAdvice =
        "At normal verbosity pip prints these same lines when the package does not exist on the index, when it has no file " +
        "for this Python version and platform, when the index refused the request (HTTP 401/403, e.g. a private feed without " +
        "credentials) and when the index URL is wrong (404). Check the name and the versions on the index; if they are " +
        "right, run 'pip install -vv {0}' to see the HTTP status of the project page and why files were skipped.";

    private void MatchPip(LogLine line)
    {
        var text = line.Text;
        var trimmed = line.Trimmed;

        if (Has(text, "Could not find a version that satisfies the requirement"))
        {
            // The line may end right after "requirement" (a cut log): nothing named, still the same failure.
            NotFound(line, LogText.After(text, "satisfies the requirement ") ?? string.Empty, withVersions: true);
            return;
        }

        if (Has(text, "No matching distribution found for "))
        {
            NotFound(line, LogText.After(text, "No matching distribution found for ")!, withVersions: false);
            return;
        }

        if (Has(text, "require a different python version"))
        {
            var list = LogText.After(text, "python version:")?.Trim() ?? string.Empty;
            Emit(Signal(LogRules.PythonIncompatible, LogKinds.NoCompatibleDistribution, Strength.Decisive, line,
                $"every release of the package that pip found needs another Python ({LogText.Clip(list, 120)}), so none can be installed. " +
                "Pin a Python version that the package supports, or a release of the package that supports the environment's Python."));
            return;
        }

        if (Has(text, "requires a different Python"))
        {
            if (Starts(trimmed, "Link requires a different Python"))
            {
                var url = LogText.Url(text);
                Emit(Signal(LogRules.PythonIncompatible, LogKinds.NoCompatibleDistribution, Strength.Hidden, line,
                    $"a file of the package needs another Python ({LogText.Clip(LogText.Until(LogText.After(text, "Python (") ?? string.Empty, "):"), 60)})")
                    with { Package = LogText.ProjectOfUrl(url) });
                return;
            }

            var package = LogText.Quoted(text);
            var detail = LogText.After(text, "requires a different Python:")?.Trim() ?? string.Empty;
            Emit(Signal(LogRules.PythonIncompatible, LogKinds.PythonIncompatible, Strength.Decisive, line,
                $"'{package}' does not support the environment's Python ({detail}: the first is the Python of the build, the second what the package accepts). " +
                $"Pin a Python version in that range, or a release of '{package}' that supports the environment's Python.")
                with { Package = package });
            return;
        }

        if (Starts(trimmed, "Skipping link: none of the wheel's tags"))
        {
            var tags = LogText.Until(LogText.After(text, "tags (") ?? string.Empty, ")");
            Emit(Signal(LogRules.PipPackageNotFound, LogKinds.NoCompatibleDistribution, Strength.Hidden, line,
                $"the index has files of the package, but none for this Python version and platform (wheel tags such as {tags})")
                with { Package = LogText.ProjectOfUrl(LogText.Url(text)) });
            return;
        }

        if (Starts(trimmed, "Could not fetch URL"))
        {
            FetchFailed(line);
            return;
        }

        if (Has(text, "HTTP error "))
        {
            HttpError(line);
            return;
        }

        if (Has(text, "Cannot uninstall"))
        {
            CannotUninstall(line);
            return;
        }

        if (Has(text, "DO NOT MATCH THE HASHES") || Has(text, "require-hashes") || Has(text, "Can't verify hashes"))
        {
            Hashes(line);
            return;
        }

        if (Has(text, "Cannot install ") && Has(text, "conflicting dependencies"))
        {
            Conflict(line);
            return;
        }

        if (Has(text, "ResolutionImpossible"))
        {
            // Only pip's own message; -vv tracebacks name the exception too ("raise ResolutionImpossible(…)").
            if (!Starts(trimmed, "ERROR: ResolutionImpossible"))
            {
                return;
            }

            if (store.Last(LogRules.PipDependencyConflict.Id, line.Segment, s => s.Kind == LogKinds.DependencyConflict) is null)
            {
                Emit(Signal(LogRules.PipDependencyConflict, LogKinds.DependencyConflict, Strength.Decisive, line,
                    "pip found no set of versions that satisfies every requirement (ResolutionImpossible). Read the lines above it for the two requirements in conflict, then loosen one of them."));
            }

            return;
        }

        if (Has(text, "dependency resolver does not currently"))
        {
            InstalledConflicts(line);
            return;
        }

        if (Has(text, "which is incompatible") && Has(text, " has requirement "))
        {
            // pip < 20.3 (legacy resolver): "ERROR: x 1.0 has requirement y==1.0, but you'll have y 2.0 which is incompatible." The install goes on.
            var package = LogText.RequirementName(LogText.After(text, "ERROR: ") ?? trimmed);
            Emit(Signal(LogRules.PipDependencyConflict, LogKinds.InstalledConflict, Strength.Context, line,
                $"pip's old resolver installed versions that do not fit together: {LogText.Clip(trimmed)}. The build goes on, but the job may fail at import; pin versions that fit.")
                with { Package = package });
            return;
        }

        if (Has(text, "Invalid requirement") || Has(text, "no such option") || Has(text, "InvalidRequirement"))
        {
            InvalidRequirement(line);
            return;
        }

        if (Has(text, "Could not open requirements file"))
        {
            var file = LogText.Quoted(text, text.IndexOf("directory", StringComparison.Ordinal)) ?? LogText.After(text, "requirements file:")?.Trim();
            Emit(Signal(LogRules.RequirementsFileMissing, LogKinds.RequirementsMissingFile, Strength.Decisive, line,
                $"pip could not open the requirements file '{file}': it is not in the image where pip runs. A '-r' include is read relative to " +
                "the current folder of pip; the file must be in the build context, not excluded by .dockerignore, and copied before the step that installs it " +
                "(Azure ML copies only the conda spec into the image, so a '-r' line in a conda spec's pip: list cannot reach a repository file).")
                with { RequirementText = file });
            return;
        }

        if (Has(text, "ResolutionTooDeep"))
        {
            Emit(Signal(LogRules.PipResolverLoop, LogKinds.ResolutionTooDeep, Strength.Decisive, line,
                "pip's resolver gave up after too many backtracking rounds (ResolutionTooDeep): the requirements leave it too many versions to try. " +
                "Pin the packages it was looking at (the 'pip is looking at multiple versions of …' lines), or add a constraints file."));
            return;
        }

        if (Has(text, "looking at multiple versions of "))
        {
            var package = LogText.RequirementName(LogText.After(text, "multiple versions of "));
            Emit(Signal(LogRules.PipResolverLoop, LogKinds.ResolverBacktracking, Strength.Context, line,
                $"pip's resolver is backtracking through versions of '{package}': with pip 20.3 or newer a loose pip list (above all with conda-forge first) " +
                $"can backtrack for hours. Pin '{package}' and what depends on it; with conda-forge, pin 'pip=20.2.4' (see PG103).")
                with { Package = package });
            return;
        }

        if (Has(text, "taking longer than usual"))
        {
            if (store.Last(LogRules.PipResolverLoop.Id, line.Segment) is null)
            {
                Emit(Signal(LogRules.PipResolverLoop, LogKinds.ResolverBacktracking, Strength.Context, line,
                    "pip's resolver is taking longer than usual: it is backtracking through many versions. Pin the packages it is looking at."));
            }

            return;
        }

        if (BuildFailure(line))
        {
            return;
        }

        if (Has(text, "ImpImporter") || Has(text, "No module named 'distutils'"))
        {
            var package = CurrentPackage;
            var what = Has(text, "ImpImporter") ? "pkgutil.ImpImporter" : "distutils";
            Emit(Signal(LogRules.PythonIncompatible, LogKinds.PythonIncompatible, Strength.Decisive, line,
                $"{(package is null ? "a package" : $"'{package}'")} could not be built because its build uses {what}, which Python 3.12 removed " +
                "(an old setuptools or pkg_resources). Pin a release of the package that supports the environment's Python (newer releases ship wheels), " +
                "upgrade setuptools and pip before it, or pin a Python below 3.12.")
                with { Package = package });
            return;
        }

        if (Has(text, "No module named '") && (Has(text, "ModuleNotFoundError") || Has(text, "ImportError")))
        {
            ModuleNotFound(line);
            return;
        }

        AuthPrompt(line);
    }

    private void NotFound(LogLine line, string rest, bool withVersions)
    {
        var requirement = LogText.Until(rest, " (from ").Trim();
        var name = LogText.RequirementName(requirement);
        var reference = PipReference.Parse(rest);
        if (!withVersions && store.Last(LogRules.PipPackageNotFound.Id, line.Segment, s => SameName(s.Package, name)) is not null)
        {
            return;
        }

        if (!withVersions && store.Last(LogRules.InvalidPipRequirementInLog.Id, line.Segment, s => SameName(s.Package, name)) is not null)
        {
            return;
        }

        var signal = Signal(LogRules.PipPackageNotFound, LogKinds.PackageNotFound, Strength.Decisive, line, string.Empty) with
        {
            Package = name,
            RequirementText = requirement,
            RequirementsFile = reference.File,
            RequirementsLine = reference.Line,
            FromPackage = reference.FromPackage,
        };

        if (requirement.Length > 0 && requirement[^1] is '=' or '<' or '>' or '~' or '!')
        {
            Emit(signal with
            {
                Rule = LogRules.InvalidPipRequirementInLog,
                Kind = LogKinds.RequirementsSyntax,
                Message = $"'{requirement}' is not a usable requirement: its operator has no version after it, so pip looks for a version that does not exist. " +
                          $"Write a version after the operator (e.g. '{name}==1.2.3') or drop the operator.",
            });
            return;
        }

        var versions = withVersions ? LogText.After(rest, "(from versions:") : null;
        var list = versions is null ? [] : LogText.Until(versions, ")").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(v => v != "none").ToList();
        var where = IndexUrls is null ? "the index (PyPI unless pip.conf says otherwise)" : $"the index {IndexUrls}";
        var nested = reference.FromPackage is { } from ? $" It is required by '{from}', not named in the spec directly: pin a release of '{from}' whose requirements exist, or add a version of '{name}' that exists." : string.Empty;
        if (list.Count > 0)
        {
            Emit(signal with
            {
                Kind = LogKinds.VersionNotFound,
                Message = $"no version of '{name}' on {where} satisfies '{requirement}': the index has {LogText.Shorten(list)}. " +
                          $"Pin a version that exists (the newest listed is {list[^1]}), or check that the index serves the version you need.{nested}",
            });
            return;
        }

        Emit(signal with
        {
            Message = $"pip found no distribution of '{requirement}' on {where} (from versions: none). " + string.Format(System.Globalization.CultureInfo.InvariantCulture, NotFoundAdvice, requirement) + nested,
        });
    }

    private void FetchFailed(LogLine line)
    {
        var text = line.Text;
        var url = LogText.Url(text);
        var host = LogText.Host(url);
        var package = LogText.ProjectOfUrl(url);
        if (Has(text, ": 401 ") || Has(text, "Unauthorized"))
        {
            Emit(Signal(LogRules.RegistryUnauthorized, LogKinds.RegistryUnauthorized, Strength.Context, line,
                $"the package index {host} answered 401 Unauthorized for {url}: it needs credentials that the build does not have. " +
                "Give the build the feed's credentials through an Azure ML workspace connection (PythonFeed, 'az ml connection create'), never in the spec.")
                with { Package = package, Host = host });
        }
        else if (Has(text, ": 403 ") || Has(text, "Forbidden"))
        {
            Emit(Signal(LogRules.StorageForbidden, LogKinds.Forbidden, Strength.Context, line,
                $"the package index {host} answered 403 Forbidden for {url}: the build's identity or network position is not allowed (permissions, a firewall, a private endpoint, an expired token). " +
                $"Check the feed's permissions and the network rules between the build compute and {host}.")
                with { Package = package, Host = host });
        }
        else if (Has(text, ": 404 ") || Has(text, "Not Found") || Has(text, "not found"))
        {
            if (host is "pypi.org" or "pypi.python.org")
            {
                return;
            }

            Emit(Signal(LogRules.RegistryUnreachable, LogKinds.IndexNotFound, Strength.Context, line,
                $"the package index answered 404 Not Found for the project page {url}: either the index URL is wrong (check --index-url / --extra-index-url; " +
                $"Azure Artifacts feeds end in /pypi/simple/) or no project '{package}' exists on that index.")
                with { Package = package, Host = host });
        }
        else
        {
            Emit(Signal(LogRules.NetworkTimeout, LogKinds.NetworkTimeout, Strength.Context, line,
                $"pip could not fetch {url}: {LogText.Clip(LogText.After(text, url ?? string.Empty)?.TrimStart(':', ' ') ?? text, 140)}. Check the network path (proxy, firewall, private endpoint) to {host}.")
                with { Package = package, Host = host });
        }
    }

    private void HttpError(LogLine line)
    {
        var text = line.Text;
        var code = LogText.IntegerAfter(text, "HTTP error ");
        if (code is null)
        {
            // conda's "An HTTP error occurred when trying to retrieve this URL." explains a CondaHTTPError line.
            return;
        }

        var url = LogText.Url(text);
        var host = LogText.Host(url);
        var package = LogText.RequirementName(LogText.After(text, "install requirement ")) ?? LogText.ProjectOfUrl(url);
        var signal = code switch
        {
            401 => Signal(LogRules.RegistryUnauthorized, LogKinds.RegistryUnauthorized, Strength.Decisive, line,
                $"downloading '{package}' from {host} failed with HTTP 401 Unauthorized: the index lists the file but the build has no credentials for it. " +
                "Give the build the feed's credentials through an Azure ML workspace connection (PythonFeed), never in the spec."),
            403 => Signal(LogRules.StorageForbidden, LogKinds.Forbidden, Strength.Decisive, line,
                $"downloading '{package}' from {host} failed with HTTP 403 Forbidden: the build's identity or network position may not read that file " +
                "(storage behind a virtual network, an expired SAS token, missing permissions). Check the storage or feed permissions and the network rules."),
            404 => Signal(LogRules.RegistryUnreachable, LogKinds.IndexNotFound, Strength.Decisive, line,
                $"a file of '{package}' that the index lists answered 404 Not Found on {host}: the index is out of date or misconfigured."),
            _ => Signal(LogRules.NetworkTimeout, LogKinds.NetworkTimeout, Strength.Decisive, line,
                $"downloading '{package}' from {host} failed with HTTP {code}: a server or proxy error; retry, and check the proxy and the index."),
        };
        Emit(signal with { Package = package, Host = host });
    }

    private string? _uninstallCode;

    private void CannotUninstall(LogLine line)
    {
        var text = line.Text;
        if (Starts(line.Trimmed, "error: uninstall-"))
        {
            _uninstallCode = line.Trimmed["error: ".Length..].Trim();
            return;
        }

        var rest = (LogText.After(text, "Cannot uninstall ") ?? string.Empty).Trim();
        var package = rest.StartsWith('\'') ? LogText.Quoted(rest) : LogText.RequirementName(rest);
        var noRecord = Has(text, "RECORD") || _uninstallCode == "uninstall-no-record-file";
        var why = noRecord
            ? "it has no RECORD file (it was installed by the OS package manager or an old installer)"
            : "it is a distutils-installed project (typically installed by the base image with the OS or an old setup.py)";
        Emit(Signal(LogRules.PipCannotUninstall, LogKinds.CannotUninstall, Strength.Decisive, line,
            $"pip cannot upgrade '{package}': to replace the installed copy it must uninstall it, and {why}, so pip does not know its files. " +
            $"Keep the base image's version of '{package}' (pin it to that version), or install with 'pip install --ignore-installed {package}', or build in a separate conda environment.")
            with { Package = package, Fix = "--ignore-installed" });
        _uninstallCode = null;
    }

    private void Hashes(LogLine line)
    {
        var text = line.Text;
        var mismatch = Has(text, "DO NOT MATCH THE HASHES");
        var kind = mismatch ? LogKinds.HashMismatch : LogKinds.HashesRequired;
        var header = Signal(LogRules.HashMismatch, kind, Strength.Decisive, line, string.Empty);
        var packages = new List<string>();
        var details = new List<string>();
        PipReference? reference = null;
        string? fixLine = null;

        StartCapture(next =>
        {
            var t = next.Trimmed;
            if (t.Length == 0 || Starts(t, "ERROR") || Starts(t, "WARNING"))
            {
                return false;
            }

            if (Starts(t, "Expected ") || Starts(t, "Got "))
            {
                details.Add(t.Replace("        ", " ", StringComparison.Ordinal));
                return true;
            }

            var name = LogText.RequirementName(t);
            if (name is not null && packages.Count < 20)
            {
                packages.Add(LogText.Until(t, " from ", " (from ", " --hash").Trim());
                reference ??= PipReference.Parse(t);
                if (Has(t, "--hash="))
                {
                    fixLine ??= t;
                }
            }

            return true;
        }, () =>
        {
            var names = packages.Count == 0 ? "a requirement" : string.Join(", ", packages);
            var message = mismatch
                ? $"the downloaded file of {names} does not match the --hash given in the requirements{(details.Count > 0 ? $" ({string.Join("; ", details.Take(2))})" : string.Empty)}: " +
                  "either the pinned hash is wrong (copied from another file or version) or the file was changed. Recompute the hash of the exact file (pip hash, pip-compile --generate-hashes) and compare."
                : Has(text, "versions pinned")
                    ? $"in hash-checking mode every requirement must be pinned with '==', and {names} is not. Pin it (and give its --hash), or drop --hash everywhere."
                    : $"hash-checking mode is on (one requirement has a --hash, which turns it on for all) and {names} has no --hash. " +
                      "Give every requirement its --hash (pip-compile --generate-hashes), or none of them.";
            Emit(header with
            {
                Message = message,
                Package = packages.Count > 0 ? LogText.RequirementName(packages[0]) : null,
                OtherPackages = [.. packages.Skip(1).Select(p => LogText.RequirementName(p)!).Where(p => p is not null)],
                RequirementsFile = reference?.File,
                RequirementsLine = reference?.Line,
                Fix = fixLine,
            });
        }, lines: 24);
    }

    private void Conflict(LogLine line)
    {
        var text = line.Text;
        var list = LogText.Until(LogText.After(text, "Cannot install ")!, " because");
        var parts = list.Replace(" and ", ", ", StringComparison.Ordinal).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var names = parts.Select(p => p.StartsWith("-r ", StringComparison.Ordinal) ? p : LogText.RequirementName(p) ?? p).ToList();
        var reference = parts.Select(PipReference.Parse).FirstOrDefault(r => r.Line is not null) ?? PipReference.None;
        var causes = new List<string>();
        var header = Signal(LogRules.PipDependencyConflict, LogKinds.DependencyConflict, Strength.Decisive, line, string.Empty);
        StartCapture(next =>
        {
            var t = next.Trimmed;
            if (Starts(t, "ERROR") || Starts(t, "To fix this"))
            {
                return false;
            }

            if (Has(t, " depends on ") || Starts(t, "The user requested"))
            {
                causes.Add(t);
            }

            return true;
        }, () => Emit(header with
        {
            Message = $"pip cannot install {list} together: their dependencies conflict" +
                      (causes.Count > 0 ? $" ({string.Join("; ", causes.Take(4))})" : string.Empty) +
                      ". Loosen or change one of the pins so that one version of the shared dependency fits all of them.",
            Package = names.FirstOrDefault(n => !n.StartsWith('-')),
            OtherPackages = [.. names.Where(n => !n.StartsWith('-')).Skip(1)],
            RequirementsFile = reference.File,
            RequirementsLine = reference.Line,
        }), lines: 20);
    }

    private void InstalledConflicts(LogLine line)
    {
        var conflicts = new List<string>();
        var header = Signal(LogRules.PipDependencyConflict, LogKinds.InstalledConflict, Strength.Context, line, string.Empty);
        StartCapture(next =>
        {
            var t = next.Trimmed;
            if (!Has(t, " requires ") || !Has(t, "incompatible"))
            {
                return false;
            }

            conflicts.Add(t);
            return true;
        }, () => Emit(header with
        {
            Message = "pip installed packages whose requirements conflict with what is already installed" +
                      (conflicts.Count > 0 ? $" ({string.Join("; ", conflicts.Take(3))})" : string.Empty) +
                      ". The build goes on, but the job may fail at import; pin versions that fit together.",
            Package = conflicts.Count > 0 ? LogText.RequirementName(conflicts[0]) : null,
        }), lines: 30);
    }

    private void InvalidRequirement(LogLine line)
    {
        var text = line.Text;
        if (Starts(line.Trimmed, "Hint:") && store.Last(LogRules.InvalidPipRequirementInLog.Id, line.Segment) is not null)
        {
            return;
        }

        string requirement;
        if (Has(text, "no such option"))
        {
            requirement = (LogText.After(text, "no such option:") ?? LogText.After(text, "no such option") ?? string.Empty).Trim();
        }
        else
        {
            var rest = (LogText.After(text, "Invalid requirement:") ?? LogText.After(text, "InvalidRequirement:") ?? text).TrimStart();
            requirement = rest.Length > 0 && rest[0] is '\'' or '"' ? LogText.Quoted(rest) ?? rest : LogText.Until(rest, " (from line", ": ").Trim();
        }

        var reference = PipReference.Parse(text);
        var (reason, fix) = RequirementFix(requirement);
        Emit(Signal(LogRules.InvalidPipRequirementInLog, LogKinds.RequirementsSyntax, Strength.Decisive, line,
            $"pip rejected '{requirement}': {reason}{(fix is null ? string.Empty : $" Write '{fix}'.")}")
            with
            {
                Package = LogText.RequirementName(requirement),
                RequirementText = requirement,
                RequirementsFile = reference.File,
                RequirementsLine = reference.Line,
                Fix = fix,
            });
    }

    /// <summary>Why pip rejects a requirement and the mechanical fix when there is one (conda's single '=', a marker without ';').</summary>
    internal static (string Reason, string? Fix) RequirementFix(string requirement)
    {
        if (requirement.StartsWith('-'))
        {
            return ($"'{requirement}' is not an option pip knows (a misspelt option, or one that a requirements file does not accept).", null);
        }

        var markerAt = -1;
        foreach (var marker in (ReadOnlySpan<string>)["python_version", "python_full_version", "sys_platform", "platform_system", "platform_machine", "os_name", "implementation_name"])
        {
            var i = requirement.IndexOf(marker, StringComparison.Ordinal);
            if (i > 0 && (markerAt < 0 || i < markerAt))
            {
                markerAt = i;
            }
        }

        if (markerAt > 0 && !requirement.Contains(';', StringComparison.Ordinal))
        {
            var head = requirement[..markerAt].Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
            return ("an environment marker must follow a ';' (PEP 508).", $"{head}; {requirement[markerAt..].Trim()}");
        }

        var eq = requirement.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0 && requirement[eq - 1] is not ('=' or '<' or '>' or '!' or '~') && (eq + 1 >= requirement.Length || requirement[eq + 1] != '='))
        {
            return ("'=' is not a PEP 440 operator (a single '=' is conda's pin syntax); pip needs '=='.", requirement[..eq] + "==" + requirement[(eq + 1)..]);
        }

        return ("it is not a valid PEP 508 requirement (name, optional [extras], version specifiers, then '; marker').", null);
    }

    private bool BuildFailure(LogLine line)
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

        package ??= CurrentPackage;
        Emit(Signal(LogRules.CompileFailed, LogKinds.WheelBuildFailed, Strength.Generic, line,
            $"pip had to build {(package is null ? "a package" : $"'{package}'")} from source and the build failed. The lines above it name the reason " +
            "(a compiler or header missing from the image, an old setuptools, a Python the package does not support). Pin a release that ships a wheel " +
            "for this Python and platform, or install the build tools (gcc, python3-dev) in the Dockerfile.")
            with { Package = package });
        return true;
    }

    /// <summary>
    /// "ModuleNotFoundError: No module named 'torch'" in the output of a package's setup.py or build backend: the build imports a module
    /// that is not installed where it runs (pip builds in an isolated environment that holds only the declared build requirements).
    /// </summary>
    private void ModuleNotFound(LogLine line)
    {
        var module = LogText.Quoted(line.Text, line.Text.IndexOf("No module named", StringComparison.Ordinal));
        var package = CurrentPackage;
        var top = module is null ? null : LogText.Until(module, ".");
        Emit(Signal(LogRules.ModuleNotFoundDuringInstall, LogKinds.ModuleNotFound, Strength.Decisive, line,
            $"{(package is null ? "the install step" : $"the build of '{package}'")} imports the module '{module}', which is not installed where it runs. " +
            $"pip builds a package from source in an isolated environment that holds only its declared build requirements, so '{top}' being in the spec does not help. " +
            $"Pin a release{(package is null ? string.Empty : $" of '{package}'")} that ships a wheel for this Python, install '{top}' in an earlier step and build with " +
            "'--no-build-isolation', or, for a backport such as 'dataclasses', pin a Python version the package supports; check the module's spelling.")
            with { Package = package, OtherPackages = top is null || top == package ? [] : [top], RequirementText = module });
    }

    private void AuthPrompt(LogLine line)
    {
        var text = line.Text;
        if (Starts(line.Trimmed, "User for "))
        {
            var host = LogText.Until(line.Trimmed["User for ".Length..], ":", " ").Trim();
            Emit(Signal(LogRules.InteractiveAuth, LogKinds.InteractiveAuth, Strength.Decisive, line,
                $"pip asked for a user name for {host}: the index needs credentials, and an image build cannot answer a prompt (it ends in EOFError). " +
                "Give the build the feed's credentials through an Azure ML workspace connection (PythonFeed, 'az ml connection create'), never in the spec.")
                with { Host = host });
            return;
        }

        if (Has(text, "EOF when reading a line"))
        {
            if (store.Last(LogRules.InteractiveAuth.Id, line.Segment) is null)
            {
                Emit(Signal(LogRules.InteractiveAuth, LogKinds.InteractiveAuth, Strength.Generic, line,
                    "something in the build asked for input (EOFError: EOF when reading a line) and an image build cannot answer. If pip asked for a feed's " +
                    "credentials, give them to the build through an Azure ML workspace connection (PythonFeed)."));
            }

            return;
        }

        if (Has(text, "devicelogin") || (Has(text, "CredentialProvider") && Has(text, "DeviceFlow")))
        {
            Emit(Signal(LogRules.InteractiveAuth, LogKinds.InteractiveAuth, Strength.Decisive, line,
                "the Azure Artifacts credential provider started an interactive device login, which an image build cannot complete. " +
                "Give the build the feed's credentials through an Azure ML workspace connection (PythonFeed) or a personal access token from a secret.")
                with { Host = "pkgs.dev.azure.com" });
        }
    }

    private static bool SameName(string? a, string? b) =>
        a is not null && b is not null && Documents.Pip.RequirementTargetScanner.Normalize(a) == Documents.Pip.RequirementTargetScanner.Normalize(b);
}

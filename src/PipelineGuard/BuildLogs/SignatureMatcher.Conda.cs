using PipelineGuard.Rules.Logs;

namespace PipelineGuard.BuildLogs;

/// <summary>
/// conda's messages: the classic solver (<c>ResolvePackageNotFound</c>, <c>PackagesNotFoundError</c>,
/// <c>UnsatisfiableError</c>), libmamba (<c>LibMambaUnsatisfiableError</c>, <c>Could not solve for environment specs</c>
/// and its tree), <c>CondaHTTPError</c>, the pip-not-listed warning of conda-env, the lock, invalid specs
/// (<c>InvalidMatchSpec</c>, <c>InvalidVersionSpec</c>, conda/exceptions.py), link failures
/// (<c>ERROR conda.core.link:_execute(…): An error occurred while installing package '…'</c>, conda/core/link.py) and
/// <c>UnicodeDecodeError</c> (a spec that is not UTF-8).
/// </summary>
internal sealed partial class SignatureMatcher
{
    private const string CondaNotFoundAdvice =
        "the name is misspelt, the package is not on the spec's channels, or the spec carries a build string or a package of another platform " +
        "(conda env export writes libcxx, llvm-openmp, vc, … on macOS/Windows). Check the name on anaconda.org, add the channel that has it, " +
        "and drop build strings and platform-only packages.";

    private void MatchConda(LogLine line)
    {
        var text = line.Text;

        if (Has(text, "InvalidMatchSpec") || Has(text, "InvalidVersionSpec"))
        {
            InvalidSpec(line);
            return;
        }

        if (Has(text, "An error occurred while installing package") || Has(text, "conda.core.link:_execute") || Has(text, "LinkError:"))
        {
            LinkFailed(line);
            return;
        }

        if (Has(text, "UnicodeDecodeError"))
        {
            Utf8(line);
            return;
        }

        if (Has(text, "ResolvePackageNotFound") || Has(text, "PackagesNotFoundError"))
        {
            CondaNotFoundList(line);
            return;
        }

        if (Has(text, "Encountered problems while solving"))
        {
            LibMambaProblems(line);
            return;
        }

        if (Has(text, "Could not solve for environment"))
        {
            LibMambaTree(line);
            return;
        }

        if (Has(text, "nothing provides requested ") || Has(text, "does not exist (perhaps"))
        {
            var name = Has(text, "nothing provides requested ")
                ? LogText.CondaName(LogText.After(text, "nothing provides requested ")!)
                : TreeName(LogText.Until(text, " does not exist"));
            EmitCondaNotFound(line, name, LogText.After(text, "requested ")?.Trim() ?? name, store.NewGroup());
            return;
        }

        if (Has(text, "UnsatisfiableError"))
        {
            Unsatisfiable(line);
            return;
        }

        if (Has(text, "existing python installation"))
        {
            Emit(Signal(LogRules.PythonIncompatible, LogKinds.PythonIncompatible, Strength.Decisive, line,
                "conda found specs that are incompatible with the environment's Python. Pin a Python that every package supports, or releases of the packages that support this Python."));
            return;
        }

        if (Has(text, "Found conflicts"))
        {
            Emit(Signal(LogRules.CondaUnsatisfiable, LogKinds.CondaUnsatisfiable, Strength.Context, line,
                "conda found conflicts between the specs and is looking for the incompatible packages: this can take very long and usually ends in UnsatisfiableError. " +
                "Pin versions that fit together (and the Python version), and remove packages the job does not need."));
            return;
        }

        if (Has(text, "CondaHTTPError"))
        {
            CondaHttp(line);
            return;
        }

        if (Has(text, "do not list pip itself"))
        {
            Emit(Signal(LogRules.PipNotDeclared, LogKinds.PipNotDeclared, Strength.Context, line,
                "conda warned that the spec has a pip: list but does not list pip itself among its dependencies: conda may then run another pip " +
                "(the base image's) and install the packages in the wrong place. Add 'pip=<version>' to the dependencies (see PG101)."));
            return;
        }

        if (Has(text, "LOCKERROR") || Has(text, "LockError") || Has(text, "conda is already doing something") || Has(text, "other conda operations"))
        {
            var decisive = !Has(text, "other conda operations");
            Emit(Signal(LogRules.CondaLockHeld, LogKinds.CondaLock, decisive ? Strength.Decisive : Strength.Context, line,
                "conda waited for a lock that another conda process holds (or left behind): two conda commands ran at once in the image, or a killed one left its lock. " +
                "Run conda commands one after another in one RUN, and remove stale lock files of an interrupted build."));
            return;
        }

        if (Has(text, "Unable to run conda"))
        {
            Emit(Signal(LogRules.CommandNotFound, LogKinds.CommandNotFound, Strength.Decisive, line,
                "Azure ML could not run conda in the image to create the environment from the conda spec: the custom base image has no conda on its PATH. " +
                "Install conda (Miniconda 4.5.4 or newer) in the image, or set userManagedDependencies to true and install the packages yourself.")
                with { Package = "conda", RequirementText = "conda" });
        }
    }

    private void CondaNotFoundList(LogLine line)
    {
        var group = store.NewGroup();
        var found = 0;
        StartCapture(next =>
        {
            var t = next.Trimmed;
            if (t.Length == 0)
            {
                return found == 0;
            }

            if (!Starts(t, "- "))
            {
                return false;
            }

            var spec = t[2..].Trim();
            EmitCondaNotFound(next, LogText.CondaName(spec), spec, group);
            found++;
            return true;
        }, () =>
        {
            if (found == 0)
            {
                EmitCondaNotFound(line, null, null, group);
            }
        });
    }

    private void EmitCondaNotFound(LogLine line, string? name, string? spec, int group) =>
        Emit(Signal(LogRules.CondaPackageNotFound, LogKinds.CondaPackageNotFound, Strength.Decisive, line,
            (spec is null ? "conda found no package for some specs in the listed channels: " : $"conda found no package '{spec}' in the spec's channels: ") + CondaNotFoundAdvice)
            with { Package = name, RequirementText = spec, Group = group });

    private void LibMambaProblems(LogLine line)
    {
        var group = store.NewGroup();
        var conflicts = new List<string>();
        var found = 0;
        StartCapture(next =>
        {
            var t = next.Trimmed;
            if (!Starts(t, "- "))
            {
                return false;
            }

            if (Has(t, "nothing provides requested "))
            {
                var spec = LogText.After(t, "nothing provides requested ")!.Trim();
                EmitCondaNotFound(next, LogText.CondaName(spec), spec, group);
                found++;
            }
            else if (conflicts.Count < 6)
            {
                conflicts.Add(t[2..].Trim());
            }

            return true;
        }, () =>
        {
            if (found == 0)
            {
                EmitUnsatisfiable(line, conflicts, [.. conflicts.Select(PackageOfProblem).OfType<string>()]);
            }
        });
    }

    private void LibMambaTree(LogLine line)
    {
        var group = store.NewGroup();
        var conflicts = new List<string>();
        var names = new List<string>();
        var found = 0;
        StartCapture(next =>
        {
            var t = next.Trimmed;
            if (t.Length == 0)
            {
                return false;
            }

            if (Starts(t, "The following") || t[0] is '├' or '└' or '│' or '─')
            {
                if (Has(t, "does not exist (perhaps"))
                {
                    var name = TreeName(LogText.Until(t, " does not exist"));
                    EmitCondaNotFound(next, name, name, group);
                    found++;
                }
                else if (Has(t, "is not installable") || Has(t, "conflicts with") || Has(t, "is requested and can be installed") || Has(t, "is installable"))
                {
                    var name = TreeName(LogText.Until(t, " is ", " conflicts"));
                    if (name is not null && names.Count < 8 && !names.Contains(name))
                    {
                        names.Add(name);
                    }

                    if (conflicts.Count < 4 && Has(t, "not installable"))
                    {
                        conflicts.Add(t.Trim('├', '└', '│', '─', ' '));
                    }
                }

                return true;
            }

            return false;
        }, () =>
        {
            // libmamba prints the tree after its problem list: one event, reported once.
            if (found == 0 && store.Last(LogRules.CondaUnsatisfiable.Id, line.Segment, s => line.Number - s.Line.Number < 20) is null &&
                store.Last(LogRules.CondaPackageNotFound.Id, line.Segment, s => line.Number - s.Line.Number < 20) is null)
            {
                EmitUnsatisfiable(line, conflicts, names);
            }
        });
    }

    private void Unsatisfiable(LogLine line)
    {
        var python = Has(line.Text, "existing python installation");
        var conflicts = new List<string>();
        var names = new List<string>();
        string? yourPython = null;
        StartCapture(next =>
        {
            var t = next.Trimmed;
            if (Starts(t, "The command") || Starts(t, "ERROR") || Starts(t, "CondaValueError") || Starts(t, "Step ") || Starts(t, "#"))
            {
                return false;
            }

            if (Has(t, "existing python installation"))
            {
                python = true;
            }
            else if (Starts(t, "Your python:"))
            {
                yourPython = t["Your python:".Length..].Trim();
            }
            else if (Starts(t, "Output in format"))
            {
                return true;
            }
            else if (Has(t, " -> ") || Starts(t, "Package "))
            {
                var item = Starts(t, "Package ") ? LogText.Until(t["Package ".Length..], " conflicts") : LogText.CondaName(t.TrimStart('-', ' '));
                if (item is not null && names.Count < 8 && !names.Contains(item))
                {
                    names.Add(item);
                }

                if (Has(t, " -> ") && conflicts.Count < 4)
                {
                    conflicts.Add(t.TrimStart('-', ' '));
                }
            }

            return true;
        }, () =>
        {
            if (python)
            {
                Emit(Signal(LogRules.PythonIncompatible, LogKinds.PythonIncompatible, Strength.Decisive, line,
                    $"conda found specs incompatible with the environment's Python{(yourPython is null ? string.Empty : $" ({yourPython})")}" +
                    (conflicts.Count > 0 ? $": {string.Join("; ", conflicts)}" : string.Empty) +
                    ". Pin a Python that every package supports, or releases of the packages that support this Python.")
                    with { Package = names.FirstOrDefault(), OtherPackages = [.. names.Skip(1)] });
            }
            else
            {
                EmitUnsatisfiable(line, conflicts, names);
            }
        }, lines: 60);
    }

    private void EmitUnsatisfiable(LogLine line, IReadOnlyList<string> conflicts, IReadOnlyList<string> names) =>
        Emit(Signal(LogRules.CondaUnsatisfiable, LogKinds.CondaUnsatisfiable, Strength.Decisive, line,
            "conda cannot find versions of the specs that fit together" + (conflicts.Count > 0 ? $" ({string.Join("; ", conflicts.Take(4))})" : string.Empty) +
            ". Loosen or change the pins that conflict (often the Python version against an old package pin), and drop packages the job does not need.")
            with { Package = names.FirstOrDefault(), OtherPackages = [.. names.Skip(1)] });

    private void CondaHttp(LogLine line)
    {
        var text = line.Text;
        var code = LogText.IntegerAfter(text, "HTTP ");
        var url = LogText.Url(text);
        var host = LogText.Host(url);
        var channel = CondaChannel(url);
        var signal = code switch
        {
            404 => Signal(LogRules.CondaPackageNotFound, LogKinds.CondaChannelNotFound, Strength.Decisive, line,
                $"the conda channel {channel ?? url} does not exist (HTTP 404 for {url}): the channel name or URL in the spec is wrong. Fix the channel (e.g. 'conda-forge', 'pytorch').")
                with { RequirementText = channel },
            401 => Signal(LogRules.RegistryUnauthorized, LogKinds.RegistryUnauthorized, Strength.Decisive, line,
                $"the conda channel at {host} answered 401 Unauthorized: it needs credentials that the build does not have.") with { Host = host },
            403 => Signal(LogRules.StorageForbidden, LogKinds.Forbidden, Strength.Decisive, line,
                $"the conda channel at {host} answered 403 Forbidden: the build's network position or identity is not allowed (a firewall, a private endpoint, a licence restriction).") with { Host = host },
            _ => Signal(LogRules.NetworkTimeout, LogKinds.NetworkTimeout, Strength.Decisive, line,
                $"conda could not download {url ?? "the channel index"} (HTTP {(code is null ? "error" : code.Value.ToString("000", System.Globalization.CultureInfo.InvariantCulture))}): " +
                $"the connection to {host ?? "the channel"} failed or was cut. Check the proxy, firewall and private-endpoint rules of the build compute, then rebuild; a transient failure goes away on retry.")
                with { Host = host },
        };
        Emit(signal);
    }

    /// <summary>conda/exceptions.py: "InvalidMatchSpec: Invalid spec 'numpy=>1.19': …", "InvalidVersionSpec: Invalid version '1.19=': …".</summary>
    private void InvalidSpec(LogLine line)
    {
        var text = line.Text;
        var version = Has(text, "InvalidVersionSpec");
        var quoted = LogText.Quoted(text, text.IndexOf(version ? "Invalid version" : "Invalid spec", StringComparison.Ordinal));
        // Search for the closing quote from where the quoted text ends (it may be empty, or not found as written).
        var at = quoted is null ? -1 : text.IndexOf(quoted, StringComparison.Ordinal);
        var closing = at < 0 ? -1 : text.IndexOf("': ", Math.Max(0, at + quoted!.Length - 1), StringComparison.Ordinal);
        var details = closing < 0 ? null : text[(closing + 3)..].Trim();
        var what = version ? $"the version '{quoted}'" : $"the spec '{quoted}'";
        Emit(Signal(LogRules.CondaInvalidSpec, LogKinds.CondaInvalidSpec, Strength.Decisive, line,
            $"conda rejected {what} as invalid{(details is { Length: > 0 } ? $" ({LogText.Clip(details, 80)})" : string.Empty)}: a conda dependency is not a valid MatchSpec. " +
            "Write 'name', 'name=1.2', 'name>=1.2,<2' or 'name=1.2.*' (one '=' pins a version prefix, '==' an exact version; no '=>' or '=<', no trailing '='), " +
            "and put pip-only packages in the pip: list.")
            with { RequirementText = quoted });
    }

    /// <summary>
    /// conda/core/link.py: "ERROR conda.core.link:_execute(502): An error occurred while installing package 'conda-forge::astor-0.7.1-py_0'."
    /// then "Rolling back transaction" / "Attempting to roll back." and, before or after those, the reason
    /// (<c>FileNotFoundError(2, …)</c>, <c>[Errno 13] Permission denied</c>, <c>LinkError: post-link script failed</c>). The reason is
    /// captured; a full disk there is reported as PG326 instead.
    /// </summary>
    private void LinkFailed(LogLine line)
    {
        var text = line.Text;
        if (!Has(text, "An error occurred while installing package") && !Has(text, "LinkError:"))
        {
            // Another message of the link step (the rollback's own errors): the failure it belongs to is reported once.
            if (store.Last(LogRules.CondaLinkFailed.Id, line.Segment) is null && !Capturing)
            {
                EmitLinkFailed(line, null, null, null);
            }

            return;
        }

        var dist = Has(text, "LinkError:")
            ? LogText.After(text, "for package ")?.Trim().TrimEnd('.', ' ')
            : LogText.Quoted(text, text.IndexOf("installing package", StringComparison.Ordinal));
        var name = CondaDistName(dist);
        if (Has(text, "LinkError:"))
        {
            if (store.Last(LogRules.CondaLinkFailed.Id, line.Segment) is null)
            {
                EmitLinkFailed(line, dist, name, LogText.After(text, "LinkError:")?.Trim());
            }

            return;
        }

        string? reason = null;
        var diskFull = false;
        StartCapture(next =>
        {
            var t = next.Trimmed;
            if (t.Length == 0 || t == "()" || Starts(t, "Rolling back transaction") || Starts(t, "Attempting to roll back"))
            {
                return true;
            }

            if (reason is not null || Has(t, "returned a non-zero code") || Has(t, "did not complete successfully") || Starts(t, "Step ") ||
                Has(t, "An error occurred while installing package"))
            {
                return false;
            }

            reason = t;
            if (Has(t, "o space left on device") || Has(t, "Errno 28"))
            {
                diskFull = true;
                DiskFull(next, name);
            }

            return true;
        }, () =>
        {
            if (!diskFull)
            {
                EmitLinkFailed(line, dist, name, reason);
            }
        }, lines: 8);
    }

    private void EmitLinkFailed(LogLine line, string? dist, string? name, string? reason) =>
        Emit(Signal(LogRules.CondaLinkFailed, LogKinds.CondaLinkFailed, Strength.Decisive, line,
            $"conda downloaded {(dist is null ? "a package" : $"'{dist}'")} but could not install it into the environment and rolled the transaction back" +
            (reason is null ? string.Empty : $" ({LogText.Clip(reason, 120)})") +
            ". This comes from the image, not the spec's syntax: a file conda expected is missing or in use, a post-link script failed, or the package cache is " +
            "damaged. Rebuild (a transient failure goes away), pin a build of the package that installs on this base image, and clean the cache in the same RUN " +
            "('conda clean -aqy'); a 'Permission denied' means the step ran as a user who does not own the conda folder.")
            with { Package = name, RequirementText = dist });

    /// <summary>
    /// Python's "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte": a file the build read
    /// (the conda spec, a requirements file, a package's README) is not UTF-8.
    /// </summary>
    private void Utf8(LogLine line)
    {
        var text = line.Text;
        var codec = LogText.Quoted(text, text.IndexOf("UnicodeDecodeError", StringComparison.Ordinal)) ?? "utf-8";
        var detail = LogText.After(text, "can't decode ")?.Trim();
        var bom = detail is not null && (Has(detail, "0xff in position 0") || Has(detail, "0xfe in position 0"));
        Emit(Signal(LogRules.Utf8DecodingError, LogKinds.Utf8DecodingError, Strength.Decisive, line,
            $"a file read by the build is not valid {codec}{(detail is null ? string.Empty : $" (can't decode {LogText.Clip(detail, 100)})")}" +
            (bom ? ": 0xff/0xfe at position 0 is the byte-order mark of a UTF-16 file (PowerShell's '>' or an editor's 'Unicode' encoding)" : string.Empty) +
            ". Save the conda spec and the requirements files as UTF-8 (without non-ASCII characters in comments if in doubt), and rebuild.")
            with { RequirementText = detail });
    }

    /// <summary>The name of a conda distribution: <c>conda-forge::astor-0.7.1-py_0</c> → <c>astor</c>.</summary>
    private static string? CondaDistName(string? dist)
    {
        if (dist is null)
        {
            return null;
        }

        var colons = dist.LastIndexOf("::", StringComparison.Ordinal);
        var s = colons >= 0 ? dist[(colons + 2)..] : dist;
        var parts = s.Split('-');
        return parts.Length >= 3 ? string.Join('-', parts[..^2]) : LogText.CondaName(s);
    }

    /// <summary>The channel part of a repodata URL: <c>https://conda.anaconda.org/conda-forgee/linux-64/repodata.json</c> → <c>conda-forgee</c>.</summary>
    private static string? CondaChannel(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var host = LogText.Host(url);
        var path = LogText.After(url, host ?? "\u0000") ?? string.Empty;
        path = path.TrimStart(':', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        foreach (var platform in (ReadOnlySpan<string>)["/linux-64", "/noarch", "/osx-64", "/osx-arm64", "/win-64", "/linux-aarch64"])
        {
            var i = path.IndexOf(platform, StringComparison.Ordinal);
            if (i > 0)
            {
                return path[..i].Trim('/');
            }
        }

        return path.Trim('/');
    }

    /// <summary>The package of a libmamba problem: <c>package numpy-1.26.4-py312h8753938_0 requires …</c> → <c>numpy</c>.</summary>
    private static string? PackageOfProblem(string problem)
    {
        var s = problem.StartsWith("package ", StringComparison.Ordinal) ? problem[8..] : problem.Replace("nothing provides ", string.Empty, StringComparison.Ordinal);
        var token = s.Split(' ', 2)[0];
        var parts = token.Split('-');
        return parts.Length >= 3 && parts[^2].Length > 0 && char.IsAsciiDigit(parts[^2][0])
            ? string.Join('-', parts[..^2])
            : LogText.CondaName(token);
    }

    /// <summary>The package of a libmamba tree line: <c>└─ nonexistent-package does not exist</c> → <c>nonexistent-package</c>.</summary>
    private static string? TreeName(string text)
    {
        var s = text.Trim().TrimStart('├', '└', '│', '─', ' ');
        return LogText.CondaName(s.Split(' ', 2)[0]);
    }
}

namespace PipelineGuard.Rules.Logs;

/// <summary>What the root-cause ranking and the spec linking need to know about a log rule's signals.</summary>
[Flags]
internal enum LogTraits
{
    None = 0,

    /// <summary>Its context signals (retries, backtracking, a warning) can fail a build by themselves when nothing else explains the failure.</summary>
    CanFailAlone = 1,

    /// <summary>It explains a later "not found" of the same package in the same step (a timeout, a 401, a 403, a prompt): the not-found yields to it.</summary>
    ExplainsLookupFailure = 2,

    /// <summary>Its signals name the package they fail on, so a root cause just above that names none can take the name from it.</summary>
    NamesFailingPackage = 4,

    /// <summary>Its <see cref="BuildLogs.LogSignal.RequirementsLine"/> is a Dockerfile line, not a line of a requirements file.</summary>
    DockerfileLine = 8,
}

namespace PipelineGuard.Fuzz;

/// <summary>
/// One reader under fuzzing: <see cref="Run"/> feeds it one input the way the product does. A reader that
/// returns a problem has done its job; only an exception that escapes (or a hang) is a failure.
/// </summary>
/// <param name="Name">The name run.sh and the CI workflow use.</param>
/// <param name="Reader">What is fuzzed, for the usage text.</param>
/// <param name="Run">Reads one input; throws only when the reader does.</param>
internal sealed record FuzzTarget(string Name, string Reader, Action<byte[]> Run);

using NetArchTest.Rules;
using PipelineGuard.Cli;

namespace PipelineGuard.Tests.Online;

/// <summary>
/// A plain check loads nothing of PipelineGuard.Online: in the program, only <see cref="OnlineStep"/> refers to it, and
/// the check command reaches that class through a lambda made only when the online setting is on.
/// </summary>
public sealed class OnlineLoadingTests
{
    [Test]
    public void Only_the_online_step_of_the_program_uses_the_online_assembly()
    {
        var users = Types.InAssembly(typeof(OnlineStep).Assembly).That().HaveDependencyOn("PipelineGuard.Online").GetTypes()
            .Select(t => t.FullName!.Split('+')[0]).Distinct().ToList();
        Assert.That(users, Is.EqualTo(new[] { typeof(OnlineStep).FullName }));
    }

    [Test]
    public void The_core_library_does_not_know_the_online_assembly()
    {
        var result = Types.InAssembly(typeof(PipelineGuard.Model.Finding).Assembly).ShouldNot().HaveDependencyOn("PipelineGuard.Online").GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }
}

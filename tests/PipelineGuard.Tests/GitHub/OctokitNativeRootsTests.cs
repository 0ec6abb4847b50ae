using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Octokit;
using PipelineGuard.GitHub.Api;

namespace PipelineGuard.Tests.GitHub;

public sealed class OctokitNativeRootsTests
{
    /// <summary>The models the GitHub layer sends (check runs) and reads back (check runs, PR files, reviews, review comments).</summary>
    private static readonly Type[] Models =
        [typeof(NewCheckRun), typeof(CheckRunUpdate), typeof(CheckRun), typeof(PullRequestFile), typeof(PullRequestReview), typeof(PullRequestReviewComment)];

    /// <summary>What the layer reads as pages (GetAll): Octokit makes a List of each.</summary>
    private static readonly Type[] Pages = [typeof(PullRequestFile), typeof(PullRequestReview), typeof(PullRequestReviewComment)];

    /// <summary>The list interfaces a model may hold, each of which Octokit's serializer fills with a new List.</summary>
    private static readonly Type[] Lists =
        [typeof(IReadOnlyList<>), typeof(IList<>), typeof(IEnumerable<>), typeof(ICollection<>), typeof(IReadOnlyCollection<>), typeof(List<>)];

    [Test]
    public void Every_string_enum_in_the_models_the_GitHub_layer_uses_is_kept_for_the_native_build()
    {
        var seen = new HashSet<Type>();
        var needed = Pages.Select(p => typeof(List<>).MakeGenericType(p)).ToHashSet();
        var unknown = new List<Type>();
        var queue = new Queue<Type>(Models);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type))
            {
                continue;
            }

            if (type.IsArray)
            {
                queue.Enqueue(type.GetElementType()!);
                continue;
            }

            if (type.IsGenericType)
            {
                var definition = type.GetGenericTypeDefinition();
                if (definition == typeof(StringEnum<>))
                {
                    needed.Add(type);
                    needed.Add(typeof(Nullable<>).MakeGenericType(type));
                }
                else if (Lists.Contains(definition))
                {
                    needed.Add(typeof(List<>).MakeGenericType(type.GetGenericArguments()));
                }
                else if (definition != typeof(Nullable<>))
                {
                    // A dictionary or another generic: decide what Octokit builds for it, and keep that too.
                    unknown.Add(type);
                }

                foreach (var argument in type.GetGenericArguments())
                {
                    queue.Enqueue(argument);
                }
            }

            if (type.Assembly == typeof(CheckRun).Assembly)
            {
                foreach (var property in type.GetProperties())
                {
                    queue.Enqueue(property.PropertyType);
                }
            }
        }

        var kept = typeof(OctokitNativeRoots).GetMethod(nameof(OctokitNativeRoots.Keep))!
            .GetCustomAttributes<DynamicDependencyAttribute>().Select(a => a.Type).OfType<Type>().ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(kept, Is.EquivalentTo(needed));
            Assert.That(unknown, Is.Empty);
        });
    }
}

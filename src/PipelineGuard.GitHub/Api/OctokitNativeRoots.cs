using System.Diagnostics.CodeAnalysis;
using Octokit;

namespace PipelineGuard.GitHub.Api;

/// <summary>
/// Octokit reads and writes its models by reflection. Under Native AOT (the release binary, the image) a generic
/// instantiation has machine code only if something names it, and without it Octokit's serializer fails: a check run
/// stopped at "the given key 'value' was not present" (<c>StringEnum&lt;CheckStatus&gt;</c>), the pull request's
/// files at a null constructor (<c>List&lt;PullRequestFile&gt;</c>, which it makes for every list it reads). These
/// attributes name every <see cref="StringEnum{TEnum}"/> and every list that the models this layer sends and receives
/// hold; a test walks those models and checks the list, and the delivery tests run the native binary against the fake
/// server.
/// </summary>
internal static class OctokitNativeRoots
{
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<AuthorAssociation>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<AuthorAssociation>?))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<CheckAnnotationLevel>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<CheckAnnotationLevel>?))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<CheckConclusion>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<CheckConclusion>?))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<CheckStatus>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<CheckStatus>?))]
#pragma warning disable CS0618 // Octokit still declares the obsolete CheckWarningLevel on CheckRunAnnotation.
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<CheckWarningLevel>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<CheckWarningLevel>?))]
#pragma warning restore CS0618
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<InstallationReadPermissionLevel>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<InstallationReadPermissionLevel>?))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<InstallationReadWriteAdminPermissionLevel>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<InstallationReadWriteAdminPermissionLevel>?))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<InstallationReadWritePermissionLevel>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<InstallationReadWritePermissionLevel>?))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<InstallationWritePermissionLevel>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<InstallationWritePermissionLevel>?))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<ItemState>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<ItemState>?))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<LockReason>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<LockReason>?))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<MergeableState>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<MergeableState>?))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<PullRequestReviewState>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<PullRequestReviewState>?))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<TeamPrivacy>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StringEnum<TeamPrivacy>?))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<Label>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<NewCheckRunAction>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<NewCheckRunAnnotation>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<NewCheckRunImage>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<PullRequest>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<PullRequestFile>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<PullRequestReview>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<PullRequestReviewComment>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<Team>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<User>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<string>))]
    public static void Keep()
    {
        // The attributes do the work; calling this keeps the method, and so them, in the native build.
    }
}

using System.Net;
using Moq;
using Octokit;
using PipelineGuard.GitHub;
using PipelineGuard.GitHub.Api;

namespace PipelineGuard.Tests.GitHub;

public sealed class ApiRetryTests
{
    private static IResponse Response(HttpStatusCode status, string body, Dictionary<string, string>? headers = null)
    {
        var response = new Mock<IResponse>();
        response.SetupGet(r => r.StatusCode).Returns(status);
        response.SetupGet(r => r.Body).Returns(body);
        response.SetupGet(r => r.ContentType).Returns("application/json");
        response.SetupGet(r => r.Headers).Returns(headers ?? []);
        return response.Object;
    }

    private static (ApiRetry Retry, List<TimeSpan> Delays) Retry()
    {
        var delays = new List<TimeSpan>();
        return (new ApiRetry((d, _) => { delays.Add(d); return Task.CompletedTask; }, new SecretRedactor(GitHubTestData.Token)), delays);
    }

    private static async Task<(int Calls, GitHubApiFailure? Failure)> Fail(ApiRetry retry, Func<Exception> error)
    {
        var calls = 0;
        try
        {
            await retry.Run<int>("do it", () => { calls++; throw error(); });
            return (calls, null);
        }
        catch (GitHubApiFailure e)
        {
            return (calls, e);
        }
    }

    [Test]
    public async Task Forbidden_not_found_and_validation_errors_are_not_retried()
    {
        foreach (var error in new Func<Exception>[]
        {
            () => new ForbiddenException(Response(HttpStatusCode.Forbidden, """{"message":"Resource not accessible by integration"}""")),
            () => new NotFoundException(Response(HttpStatusCode.NotFound, """{"message":"Not Found"}""")),
            () => new ApiValidationException(Response((HttpStatusCode)422, """{"message":"Validation Failed"}""")),
        })
        {
            var (retry, delays) = Retry();
            var (calls, failure) = await Fail(retry, error);
            Assert.Multiple(() =>
            {
                Assert.That(calls, Is.EqualTo(1));
                Assert.That(delays, Is.Empty);
                Assert.That(failure!.Attempts, Is.EqualTo(1));
            });
        }
    }

    [Test]
    public async Task Timeouts_are_retried_with_exponential_backoff_and_bounded()
    {
        var (retry, delays) = Retry();
        var (calls, failure) = await Fail(retry, () => new TaskCanceledException("timeout"));
        Assert.Multiple(() =>
        {
            Assert.That(calls, Is.EqualTo(3));
            Assert.That(delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) }));
            Assert.That(failure!.Reason, Is.EqualTo("the request timed out"));
        });
    }

    [Test]
    public async Task A_retry_after_longer_than_a_minute_is_not_waited_for()
    {
        var (retry, delays) = Retry();
        var (calls, _) = await Fail(retry, () => new ApiException(Response((HttpStatusCode)429, """{"message":"slow down"}""", new() { ["retry-after"] = "3600" })));
        Assert.Multiple(() =>
        {
            Assert.That(calls, Is.EqualTo(1));
            Assert.That(delays, Is.Empty);
        });
    }

    [Test]
    public async Task The_token_never_reaches_the_failure_reason()
    {
        var (retry, _) = Retry();
        var (_, failure) = await Fail(retry, () => new HttpRequestException($"could not reach https://x:{GitHubTestData.Token}@example.com"));
        Assert.That(failure!.Reason + failure.Message, Does.Not.Contain(GitHubTestData.Token));
    }

    [Test]
    public async Task Success_after_a_server_error_returns_the_value()
    {
        var (retry, delays) = Retry();
        var calls = 0;
        var value = await retry.Run("do it", () => ++calls == 1 ? throw new ApiException("boom", HttpStatusCode.BadGateway) : Task.FromResult(42));
        Assert.Multiple(() =>
        {
            Assert.That(value, Is.EqualTo(42));
            Assert.That(delays, Has.Count.EqualTo(1));
        });
    }
}

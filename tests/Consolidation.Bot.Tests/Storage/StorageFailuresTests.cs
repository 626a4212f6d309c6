using Azure;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Tests.Storage;

public class StorageFailuresTests
{
    public static TheoryData<Exception, bool> Cases => new()
    {
        { new RequestFailedException(0, "connection refused"), true },
        { new RequestFailedException(503, "server busy"), true },
        { new RequestFailedException(500, "internal"), true },
        { new RequestFailedException(412, "precondition failed"), false },
        { new RequestFailedException(404, "not found"), false },
        { new HttpRequestException("refused"), true },
        { new TimeoutException(), true },
        { new AggregateException(new RequestFailedException(0, "a"), new HttpRequestException("b")), true },
        { new AggregateException(new RequestFailedException(0, "a"), new InvalidOperationException("bug")), false },
        { new InvalidOperationException("wrapped", new HttpRequestException("refused")), true },
        { new InvalidOperationException("a bug of ours"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsUnavailable_TellsOutagesFromErrors(Exception exception, bool expected) =>
        Assert.Equal(expected, StorageFailures.IsUnavailable(exception));

    public static TheoryData<Exception, bool> AnyFailureCases => new()
    {
        { new RequestFailedException(503, "server busy"), true },
        { new RequestFailedException(409, "conflict"), true },
        { new RequestFailedException(404, "not found"), true },
        { new HttpRequestException("refused"), true },
        { new TimeoutException(), true },
        { new AggregateException(new RequestFailedException(409, "a"), new HttpRequestException("b")), true },
        { new AggregateException(new RequestFailedException(409, "a"), new InvalidOperationException("bug")), false },
        { new InvalidOperationException("a bug of ours"), false },
        { new ArgumentException("a bad argument of ours"), false },
    };

    [Theory]
    [MemberData(nameof(AnyFailureCases))]
    public void IsStorageFailure_AnyStorageAnswerOrOutage_NotOurBugs(Exception exception, bool expected) =>
        Assert.Equal(expected, StorageFailures.IsStorageFailure(exception));
}

using Azure.Data.Tables;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Tests.Storage;

/// <summary>Azurite accepts cross-partition batches that real Azure rejects: the guard must catch them.</summary>
public class TableTransactionsTests
{
    private static TableTransactionAction Add(string partition, string row) =>
        new(TableTransactionActionType.Add, new TableEntity(partition, row));

    [Fact]
    public void Check_OnePartition_Passes()
    {
        TableTransactions.Check([Add("p", "1"), Add("p", "2")]);
    }

    [Fact]
    public void Check_TwoPartitions_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => TableTransactions.Check([Add("p", "1"), Add("q", "2")]));
        Assert.Contains("one partition", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Check_EmptyOrOverHundred_Throws(int count)
    {
        var actions = Enumerable.Range(0, count).Select(i => Add("p", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.Throws<InvalidOperationException>(() => TableTransactions.Check(actions));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a/b#c?d\\e", "a%002Fb%0023c%003Fd%005Ce")]
    [InlineData("50%", "50%0025")]
    public void Escape_ForbiddenCharacters_AreEncodedReversiblyDistinct(string raw, string expected)
    {
        Assert.Equal(expected, TableKeys.Escape(raw));
    }
}

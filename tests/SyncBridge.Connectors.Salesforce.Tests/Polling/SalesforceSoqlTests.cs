using SyncBridge.Connectors.Salesforce.Polling;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.Salesforce.Tests.Polling;

public sealed class SalesforceSoqlTests
{
    [Fact]
    public void Incremental_NoCursor_ReadsEverythingInModstampAndIdOrder() =>
        Assert.Equal(
            "SELECT Id, SystemModstamp FROM Lead ORDER BY SystemModstamp ASC, Id ASC LIMIT 500",
            SalesforceSoql.Incremental("Lead", ["Id", "SystemModstamp"], null, null, 500));

    [Fact]
    public void Incremental_Cursor_BreaksTiesOnTheId()
    {
        var cursor = new SourceCursor(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), "003Sim000000000042");

        var soql = SalesforceSoql.Incremental("Contact", ["Id"], "(SELECT Opportunity.Id FROM OpportunityContactRoles)", cursor, 1000);

        Assert.Equal(
            "SELECT Id, (SELECT Opportunity.Id FROM OpportunityContactRoles) FROM Contact WHERE (SystemModstamp > 2026-11-01T09:00:00.000Z OR (SystemModstamp = 2026-11-01T09:00:00.000Z AND Id > '003Sim000000000042')) ORDER BY SystemModstamp ASC, Id ASC LIMIT 1000",
            soql);
    }

    [Fact]
    public void Incremental_CursorIdIsNotARecordId_RefusesToBuildTheStatement()
    {
        var cursor = new SourceCursor(DateTimeOffset.UnixEpoch, "x' OR Name != '");

        Assert.Throws<ArgumentException>(() => SalesforceSoql.Incremental("Lead", ["Id"], null, cursor, 10));
    }

    [Fact]
    public void CursorState_RoundTrip_KeepsTheDeletedWatermark()
    {
        var state = new SalesforceCursorState(new DateTimeOffset(2026, 11, 2, 3, 4, 5, TimeSpan.Zero));

        Assert.Equal("del=2026-11-02T03:04:05.000Z", state.ToString());
        Assert.Equal(state, SalesforceCursorState.Parse(state.ToString()));
        Assert.Null(SalesforceCursorState.Parse("").DeletedSince);
    }
}

using System.Text.Json;
using Microsoft.Extensions.Options;
using SyncBridge.Connectors.Salesforce.Configuration;
using SyncBridge.Connectors.Salesforce.Mapping;
using SyncBridge.Connectors.Salesforce.Tests.Support;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Normalization;

namespace SyncBridge.Connectors.Salesforce.Tests.Mapping;

public sealed class SalesforceRecordMapperTests
{
    [Fact]
    public void Map_ContractContactRecord_FillsTheCanonicalContact()
    {
        using var record = JsonDocument.Parse(ContractFiles.Read(ContractFiles.ContactRecord));

        var mapped = Mapper().Map("Contact", "salesforce:contacts", record.RootElement);

        Assert.Null(mapped.Error);
        var contact = mapped.Contact!;
        var stamp = new DateTimeOffset(2017, 4, 25, 16, 21, 44, TimeSpan.Zero);
        Assert.Equal(new SourceRef(SourceSystem.Salesforce, "Contact", "003i000004cs62sAAA"), contact.Source);
        Assert.Equal([contact.Source], contact.Identities);
        Assert.Equal(stamp, contact.SourceModifiedAt);
        Assert.Equal("John", contact.GivenName);
        Assert.Equal("Smith", contact.FamilyName);
        Assert.Equal("johnsmith@example.com", contact.Email.Normalized);
        Assert.Equal("Account Representative", contact.Title);
        Assert.False(contact.Consent.HardBounced);
        Assert.Null(contact.Consent.UnsubscribedFromAll);
        Assert.True(contact.Company.HasAccount);
        Assert.Equal("005i0000000nZmoAAE", contact.Extra["owner"]);
        Assert.Equal(new PropertyProvenance(SourceSystem.Salesforce, stamp), contact.Provenance[ContactProperties.Email]);
        Assert.False(contact.Provenance.ContainsKey(ContactProperties.Industry));
    }

    [Fact]
    public void Map_ConvertedQualifiedLeadWithACustomField_LinksItsContactAndKeepsEverySalesforceField()
    {
        using var record = JsonDocument.Parse("""
            {"attributes":{"type":"Lead"},"Id":"00QSim000000000007","SystemModstamp":"2026-11-01T09:30:00.000+0000",
             "IsConverted":true,"ConvertedContactId":"003Sim000000000003","ConvertedAccountId":"001Sim000000000001",
             "FirstName":"Hanako","LastName":"Sato","Email":"HANAKO.SATO@EXAMPLE.JP","Company":"サンプル(株)","Status":"Qualified",
             "Rating":"Hot","LeadSource":"Trade Show","Industry":"Software","NumberOfEmployees":250,"HasOptedOutOfEmail":true,
             "EmailBouncedReason":"550 5.1.1 user unknown","EmailBouncedDate":"2026-10-29T00:00:00.000+0000","OwnerId":"005Sim000000000001",
             "LinkedIn__c":"https://linkedin.example/in/hanako"}
            """);
        var mapper = Mapper(new SalesforceOptions { LeadFields = new() { ["linkedin"] = "LinkedIn__c" } });

        var contact = mapper.Map("Lead", "salesforce:leads", record.RootElement).Contact!;

        Assert.Equal(
            [new SourceRef(SourceSystem.Salesforce, "Lead", "00QSim000000000007"), new SourceRef(SourceSystem.Salesforce, "Contact", "003Sim000000000003")],
            contact.Identities);
        Assert.Equal("Qualified", contact.SalesStatus);
        Assert.Equal(LifecycleStage.SalesQualifiedLead, contact.LifecycleStage);
        Assert.True(contact.Consent.UnsubscribedFromAll);
        Assert.True(contact.Consent.HardBounced);
        Assert.Equal("550 5.1.1 user unknown", contact.Consent.BounceReason);
        Assert.Equal(250, contact.Company.EmployeeCount);
        Assert.Equal("Software", contact.Company.Industry);
        Assert.True(contact.Company.HasAccount);
        Assert.Equal(AcquisitionChannel.TradeShow, contact.Acquisition.Channel);
        Assert.Equal("https://linkedin.example/in/hanako", contact.Extra["linkedin"]);
        Assert.Contains("LinkedIn__c", mapper.SelectFields("Lead"));
    }

    [Fact]
    public void Map_ContactWithAWonAndAnOpenOpportunity_CarriesBothDealsAndIsACustomer()
    {
        using var record = JsonDocument.Parse("""
            {"attributes":{"type":"Contact"},"Id":"003Sim000000000009","SystemModstamp":"2026-11-01T09:30:00.000+0000",
             "FirstName":"James","LastName":"Smith","AccountId":null,"Account":null,
             "OpportunityContactRoles":{"totalSize":2,"done":true,"records":[
               {"attributes":{"type":"OpportunityContactRole"},"Opportunity":{"attributes":{"type":"Opportunity"},"Id":"006Sim000000000001","Name":"Renewal","StageName":"Closed Won","IsClosed":true,"IsWon":true,"Amount":1200,"CloseDate":"2026-12-15"}},
               {"attributes":{"type":"OpportunityContactRole"},"Opportunity":{"attributes":{"type":"Opportunity"},"Id":"006Sim000000000002","Name":"Upsell","StageName":"Proposal/Price Quote","IsClosed":false,"IsWon":false,"Amount":300,"CloseDate":"2026-12-31"}}]}}
            """);

        var contact = Mapper().Map("Contact", "salesforce:contacts", record.RootElement).Contact!;

        Assert.Equal(2, contact.Deals.Count);
        Assert.Equal(new Deal("006Sim000000000001", "Closed Won", DealOutcome.Won), contact.Deals[0] with { Name = string.Empty, Amount = null, ClosedAt = null });
        Assert.Equal(DealOutcome.Open, contact.Deals[1].Outcome);
        Assert.Equal(1200m, contact.Deals[0].Amount);
        Assert.Equal(LifecycleStage.Customer, contact.LifecycleStage);
        Assert.False(contact.Company.HasAccount);
    }

    [Fact]
    public void Map_FieldHoldsAnObject_ReturnsARecordErrorNamingTheRecord()
    {
        using var record = JsonDocument.Parse("""
            {"Id":"00QSim000000000011","SystemModstamp":"2026-11-01T09:30:00.000+0000","Email":{"unexpected":true}}
            """);

        var mapped = Mapper().Map("Lead", "salesforce:leads", record.RootElement);

        Assert.Null(mapped.Contact);
        Assert.Equal("Lead 00QSim000000000011", mapped.Error!.Location);
        Assert.Contains("Email", mapped.Error.Message, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 9, 30, 0, TimeSpan.Zero), mapped.Modstamp);
    }

    private static SalesforceRecordMapper Mapper(SalesforceOptions? options = null) =>
        new(new ContactNormalizer(new NormalizationOptions()), Options.Create(options ?? new SalesforceOptions()));
}

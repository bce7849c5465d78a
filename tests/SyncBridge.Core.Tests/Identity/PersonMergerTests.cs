using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;

namespace SyncBridge.Core.Tests.Identity;

public sealed class PersonMergerTests
{
    private const string PersonId = "p_0000000000000001";
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly SourceRef HubSpotRef = new(SourceSystem.HubSpot, "contact", "101");
    private static readonly SourceRef SalesforceRef = new(SourceSystem.Salesforce, "Lead", "00Q1");
    private static readonly SourceRef CsvRef = new(SourceSystem.Csv, string.Empty, "7");

    private static CanonicalContact Record(SourceRef source, DateTimeOffset? modified, string title = "", string family = "") => new()
    {
        Source = source,
        Identities = [source],
        SourceModifiedAt = modified,
        Title = title,
        FamilyName = family,
    };

    private static PersonMerger Merger(MergeRule defaultRule, params (string Property, MergeRule Rule)[] overrides) =>
        new(new MergePolicy(defaultRule, overrides.ToDictionary(o => o.Property, o => o.Rule)));

    [Fact]
    public void Merge_SingleRecord_ReturnsItWithoutConflicts()
    {
        var record = Record(HubSpotRef, T0, title: "CEO");
        var result = Merger(MergeRule.MostRecentWins).Merge(PersonId, [record]);

        Assert.Same(record, result.Contact);
        Assert.Empty(result.Conflicts);
    }

    [Fact]
    public void Merge_MostRecentWins_TakesTheLaterRecordModification()
    {
        var result = Merger(MergeRule.MostRecentWins).Merge(PersonId,
        [
            Record(HubSpotRef, T0, title: "Engineer"),
            Record(SalesforceRef, T0.AddDays(1), title: "Manager"),
        ]);

        Assert.Equal("Manager", result.Contact.Title);
        Assert.Equal(HubSpotRef, result.Contact.Source);
    }

    [Fact]
    public void Merge_MostRecentWins_PropertyChangeTimeBeatsRecordTime()
    {
        var hubspot = Record(HubSpotRef, T0.AddDays(5), title: "Engineer") with
        {
            Provenance = new Dictionary<string, PropertyProvenance>
            {
                [ContactProperties.Title] = new(SourceSystem.HubSpot, T0.AddDays(10)),
            },
        };
        var result = Merger(MergeRule.MostRecentWins).Merge(PersonId, [Record(SalesforceRef, T0.AddDays(6), title: "Manager"), hubspot]);

        Assert.Equal("Engineer", result.Contact.Title);
        Assert.Equal(new PropertyProvenance(SourceSystem.HubSpot, T0.AddDays(10)), result.Contact.Provenance[ContactProperties.Title]);
    }

    [Fact]
    public void Merge_MostRecentWins_IgnoresBlanks()
    {
        var result = Merger(MergeRule.MostRecentWins).Merge(PersonId,
        [
            Record(HubSpotRef, T0, title: "Engineer"),
            Record(SalesforceRef, T0.AddDays(1), title: " "),
        ]);

        Assert.Equal("Engineer", result.Contact.Title);
        Assert.Empty(result.Conflicts);
    }

    [Fact]
    public void Merge_MostRecentWins_UntimedValueLosesToATimedOne()
    {
        var result = Merger(MergeRule.MostRecentWins).Merge(PersonId,
        [
            Record(CsvRef, null, title: "Engineer"),
            Record(SalesforceRef, T0, title: "Manager"),
        ]);

        Assert.Equal("Manager", result.Contact.Title);
    }

    [Fact]
    public void Merge_PreferSource_TakesThatSourceEvenWhenOlder()
    {
        var result = Merger(MergeRule.MostRecentWins, (ContactProperties.Title, MergeRule.PreferSource(SourceSystem.Salesforce)))
            .Merge(PersonId, [Record(HubSpotRef, T0.AddDays(9), title: "CTO"), Record(SalesforceRef, T0, title: "Engineer")]);

        Assert.Equal("Engineer", result.Contact.Title);
    }

    [Fact]
    public void Merge_PreferSource_FallsBackToMostRecentWhenThatSourceIsBlank()
    {
        var result = Merger(MergeRule.MostRecentWins, (ContactProperties.Title, MergeRule.PreferSource(SourceSystem.Salesforce)))
            .Merge(PersonId,
            [
                Record(CsvRef, T0, title: "Analyst"),
                Record(HubSpotRef, T0.AddDays(2), title: "CTO"),
                Record(SalesforceRef, T0.AddDays(9), title: string.Empty),
            ]);

        Assert.Equal("CTO", result.Contact.Title);
    }

    [Fact]
    public void Merge_SourceOfTruth_WinsEvenWithABlank()
    {
        var result = Merger(MergeRule.MostRecentWins, (ContactProperties.Title, MergeRule.SourceOfTruth(SourceSystem.Salesforce)))
            .Merge(PersonId, [Record(HubSpotRef, T0.AddDays(9), title: "CTO"), Record(SalesforceRef, T0, title: string.Empty)]);

        Assert.Equal(string.Empty, result.Contact.Title);
    }

    [Fact]
    public void Merge_SourceOfTruthWithoutARecordOfThatSource_FallsBackToMostRecent()
    {
        var result = Merger(MergeRule.SourceOfTruth(SourceSystem.Salesforce))
            .Merge(PersonId, [Record(HubSpotRef, T0, title: "CTO"), Record(CsvRef, T0.AddDays(1), title: "CEO")]);

        Assert.Equal("CEO", result.Contact.Title);
    }

    [Fact]
    public void Merge_DontSync_KeepsThePrimaryValueAndRecordsNoConflict()
    {
        var merger = Merger(MergeRule.MostRecentWins, (ContactProperties.Title, MergeRule.DontSync));
        var result = merger.Merge(PersonId, [Record(HubSpotRef, T0, title: "Engineer"), Record(SalesforceRef, T0.AddDays(3), title: "Manager")]);

        Assert.Equal("Engineer", result.Contact.Title);
        Assert.DoesNotContain(result.Conflicts, c => c.Property == ContactProperties.Title);
        Assert.False(merger.Policy.IsSynced(ContactProperties.Title));
        Assert.True(merger.Policy.IsSynced(ContactProperties.FamilyName));
    }

    [Fact]
    public void Merge_DifferentValues_RecordsAConflictWithBothValuesSourcesAndTimes()
    {
        var result = Merger(MergeRule.MostRecentWins, (ContactProperties.Title, MergeRule.PreferSource(SourceSystem.HubSpot)))
            .Merge(PersonId,
            [
                Record(HubSpotRef, T0, title: "Engineer", family: "Yamada"),
                Record(SalesforceRef, T0.AddDays(1), title: "Manager", family: "Yamada"),
            ]);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(PersonId, conflict.PersonId);
        Assert.Equal(ContactProperties.Title, conflict.Property);
        Assert.Equal("Engineer", conflict.ChosenValue);
        Assert.Equal("PreferSource:hubspot", conflict.Rule);
        Assert.Equal(
            [new MergeCandidate("Engineer", HubSpotRef, T0), new MergeCandidate("Manager", SalesforceRef, T0.AddDays(1))],
            conflict.Candidates);
    }

    [Fact]
    public void Merge_SameValueEverywhere_NoConflict()
    {
        var result = Merger(MergeRule.MostRecentWins).Merge(PersonId,
            [Record(HubSpotRef, T0, title: "CEO", family: "Ito"), Record(SalesforceRef, T0, title: "CEO", family: "Ito")]);

        Assert.Empty(result.Conflicts);
    }

    [Fact]
    public void Merge_TitleWins_CarriesItsSeniority()
    {
        var result = Merger(MergeRule.MostRecentWins).Merge(PersonId,
        [
            Record(HubSpotRef, T0, title: "Engineer") with { Seniority = Seniority.IndividualContributor },
            Record(SalesforceRef, T0.AddDays(1), title: "CEO") with { Seniority = Seniority.Executive },
        ]);

        Assert.Equal(Seniority.Executive, result.Contact.Seniority);
    }

    [Fact]
    public void Merge_CompanyFields_FollowTheirOwnRules()
    {
        var hubspot = Record(HubSpotRef, T0.AddDays(5)) with
        {
            Company = new Company { Name = "Acme Inc.", Key = "acme", Domain = "acme.example", EmployeeCount = 10 },
        };
        var salesforce = Record(SalesforceRef, T0) with
        {
            Company = new Company { Name = "ACME Corp.", Key = "acme", Industry = "Software", EmployeeCount = 50, HasAccount = true },
        };

        var result = Merger(MergeRule.MostRecentWins, (ContactProperties.EmployeeCount, MergeRule.SourceOfTruth(SourceSystem.Salesforce)))
            .Merge(PersonId, [hubspot, salesforce]);

        Assert.Equal("Acme Inc.", result.Contact.Company.Name);
        Assert.Equal("acme.example", result.Contact.Company.Domain);
        Assert.Equal("Software", result.Contact.Company.Industry);
        Assert.Equal(50, result.Contact.Company.EmployeeCount);
        Assert.True(result.Contact.Company.HasAccount);
        Assert.Contains(result.Conflicts, c => c.Property == ContactProperties.CompanyName);
        Assert.Contains(result.Conflicts, c => c.Property == ContactProperties.EmployeeCount && c.ChosenValue == "50");
    }

    [Fact]
    public void Merge_IdentitiesActivitiesAndDeals_AreUnionedWithoutDuplicates()
    {
        var open = new Activity(ActivityType.EmailOpen, T0, "newsletter-1");
        var click = new Activity(ActivityType.EmailClick, T0.AddHours(1), "newsletter-1");
        var hubspot = Record(HubSpotRef, T0) with
        {
            Activities = [open, click],
            Deals = [new Deal("D1", "proposal", DealOutcome.Open)],
            SocialProfiles = ["https://x.example/taro"],
        };
        var salesforce = Record(SalesforceRef, T0.AddDays(1)) with
        {
            Identities = [SalesforceRef, HubSpotRef],
            Activities = [open with { }, new Activity(ActivityType.Call, T0.AddDays(1))],
            Deals = [new Deal("D1", "closed won", DealOutcome.Won), new Deal("D2", "qualification", DealOutcome.Open)],
            SocialProfiles = ["HTTPS://X.EXAMPLE/TARO", "https://in.example/taro"],
        };

        var merged = Merger(MergeRule.MostRecentWins).Merge(PersonId, [hubspot, salesforce]).Contact;

        Assert.Equal([HubSpotRef, SalesforceRef], merged.Identities);
        Assert.Equal(3, merged.Activities.Count);
        Assert.Equal(2, merged.Deals.Count);
        Assert.Equal(DealOutcome.Won, merged.Deals.Single(d => d.Id == "D1").Outcome);
        Assert.Equal(2, merged.SocialProfiles.Count);
    }

    [Theory]
    [InlineData(LifecycleStage.Lead, LifecycleStage.Opportunity, LifecycleStage.Opportunity)]
    [InlineData(LifecycleStage.Customer, LifecycleStage.SalesQualifiedLead, LifecycleStage.Customer)]
    [InlineData(LifecycleStage.Other, LifecycleStage.Subscriber, LifecycleStage.Subscriber)]
    [InlineData(LifecycleStage.Evangelist, LifecycleStage.Other, LifecycleStage.Evangelist)]
    [InlineData(LifecycleStage.Other, null, LifecycleStage.Other)]
    public void Merge_LifecycleStage_FurthestForwardWins(LifecycleStage? first, LifecycleStage? second, LifecycleStage? expected)
    {
        var merged = Merger(MergeRule.SourceOfTruth(SourceSystem.HubSpot)).Merge(PersonId,
        [
            Record(HubSpotRef, T0.AddDays(9)) with { LifecycleStage = first },
            Record(SalesforceRef, T0) with { LifecycleStage = second },
        ]);

        Assert.Equal(expected, merged.Contact.LifecycleStage);
    }

    [Fact]
    public void Merge_NoLifecycleStageAnywhere_StaysUnknown()
    {
        var merged = Merger(MergeRule.MostRecentWins).Merge(PersonId, [Record(HubSpotRef, T0), Record(SalesforceRef, T0)]);
        Assert.Null(merged.Contact.LifecycleStage);
    }

    [Fact]
    public void Merge_DifferentStages_RecordedAsAConflictOfTheFixedRule()
    {
        var result = Merger(MergeRule.MostRecentWins).Merge(PersonId,
        [
            Record(HubSpotRef, T0) with { LifecycleStage = LifecycleStage.Lead },
            Record(SalesforceRef, T0) with { LifecycleStage = LifecycleStage.Customer },
        ]);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(PersonMerger.FurthestStageRule, conflict.Rule);
        Assert.Equal("customer", conflict.ChosenValue);
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(null, false, false)]
    [InlineData(null, null, null)]
    public void Merge_UnsubscribedAndHardBounced_TrueWins(bool? first, bool? second, bool? expected)
    {
        var merged = Merger(MergeRule.SourceOfTruth(SourceSystem.Salesforce)).Merge(PersonId,
        [
            Record(HubSpotRef, T0) with { Consent = new Consent { UnsubscribedFromAll = first, HardBounced = first } },
            Record(SalesforceRef, T0.AddDays(1)) with { Consent = new Consent { UnsubscribedFromAll = second, HardBounced = second } },
        ]).Contact;

        Assert.Equal(expected, merged.Consent.UnsubscribedFromAll);
        Assert.Equal(expected, merged.Consent.HardBounced);
    }

    [Theory]
    [InlineData(ConsentState.Granted, ConsentState.Denied, ConsentState.Denied)]
    [InlineData(ConsentState.Denied, ConsentState.Granted, ConsentState.Denied)]
    [InlineData(ConsentState.Unknown, ConsentState.Granted, ConsentState.Granted)]
    [InlineData(ConsentState.Unknown, ConsentState.Unknown, ConsentState.Unknown)]
    public void Merge_ConsentState_DeniedBeatsGrantedBeatsUnknown(ConsentState first, ConsentState second, ConsentState expected)
    {
        var merged = Merger(MergeRule.MostRecentWins).Merge(PersonId,
        [
            Record(HubSpotRef, T0.AddDays(1)) with { Consent = new Consent { State = first } },
            Record(SalesforceRef, T0) with { Consent = new Consent { State = second } },
        ]).Contact;

        Assert.Equal(expected, merged.Consent.State);
    }

    [Fact]
    public void Merge_ConsentDisagreement_IsRecorded()
    {
        var result = Merger(MergeRule.MostRecentWins).Merge(PersonId,
        [
            Record(HubSpotRef, T0) with { Consent = new Consent { UnsubscribedFromAll = false, State = ConsentState.Granted } },
            Record(SalesforceRef, T0) with { Consent = new Consent { UnsubscribedFromAll = true, State = ConsentState.Denied } },
        ]);

        Assert.Contains(result.Conflicts, c => c.Property == ContactProperties.UnsubscribedFromAll && c.ChosenValue == "true" && c.Rule == PersonMerger.TrueWinsRule);
        Assert.Contains(result.Conflicts, c => c.Property == ContactProperties.ConsentState && c.ChosenValue == "denied" && c.Rule == PersonMerger.StrictestConsentRule);
    }

    [Fact]
    public void Merge_EmailAndPhones_CompareNormalizedValues()
    {
        var hubspot = Record(HubSpotRef, T0) with
        {
            Email = ContactBuilder.Email("taro@example.jp"),
            Phone = new PhoneNumber("03-1234-5678", "+81312345678", string.Empty, true),
        };
        var salesforce = Record(SalesforceRef, T0.AddDays(1)) with
        {
            Email = new EmailAddress("TARO@example.jp ", "taro@example.jp", true, "taro@example.jp"),
            Phone = new PhoneNumber("+81 3 1234 5678", "+81312345678", string.Empty, true),
        };

        var result = Merger(MergeRule.MostRecentWins).Merge(PersonId, [hubspot, salesforce]);

        Assert.Empty(result.Conflicts);
        Assert.Equal("+81 3 1234 5678", result.Contact.Phone.Original);
    }

    [Fact]
    public void Merge_NoRecords_Throws()
    {
        Assert.Throws<ArgumentException>(() => Merger(MergeRule.MostRecentWins).Merge(PersonId, []));
    }
}

using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using static SyncBridge.Core.Tests.Identity.ContactBuilder;

namespace SyncBridge.Core.Tests.Identity;

public sealed class PersonRecordTests
{
    [Fact]
    public void Of_ClusterContacts_CollectsDistinctKeysAndSources()
    {
        var contacts = new[]
        {
            Contact(email: "a@example.com", source: Hs("1")) with { Identities = [Hs("1"), Sf("00Q1")] },
            Contact(email: "a@example.com", phone: "+81312345678", family: "Ito", given: "Jun", source: Sf("00Q1")),
            Contact(family: "Ito"),
        };

        var person = PersonRecord.Of("p_1", contacts);

        Assert.Equal(
            [
                new IdentityKey(IdentityKeyKind.Email, "a@example.com"),
                new IdentityKey(IdentityKeyKind.Source, "hubspot:contact:1"),
                new IdentityKey(IdentityKeyKind.Source, "salesforce:Lead:00Q1"),
                new IdentityKey(IdentityKeyKind.PhoneName, "+81312345678|ito|jun"),
            ],
            person.Keys);
        Assert.Equal([Hs("1"), Sf("00Q1")], person.Sources);
    }

    [Fact]
    public void Of_GraphCluster_MatchesThePersonIdOfItsHandles()
    {
        var contacts = new[] { Contact(email: "a@example.com"), Contact(email: "b@example.com"), Contact(email: "a@example.com", source: Hs("3")) };
        var graph = new IdentityGraph();
        foreach (var contact in contacts)
        {
            graph.Add(contact);
        }

        var records = graph.Clusters().Select(c => PersonRecord.Of(c.PersonId, c.Handles.Select(h => contacts[h]))).ToList();

        Assert.Equal(2, records.Count);
        Assert.Equal(graph.PersonIdOf(2), records[0].PersonId);
        Assert.Equal([Hs("3")], records[0].Sources);
    }
}

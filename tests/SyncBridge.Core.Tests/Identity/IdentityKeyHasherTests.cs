using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using static SyncBridge.Core.Tests.Identity.ContactBuilder;

namespace SyncBridge.Core.Tests.Identity;

public sealed class IdentityKeyHasherTests
{
    public static TheoryData<string, string> Names => new()
    {
        { "Yamada", "Taro" },
        { "山田", "太郎" },
        { "ÉMILE", "ZOLA" },
        { "İstanbul", "ΣΊΣΥΦΟΣ" },
        { "𐐀𐐁", "\ud800lone" },
        { new string('Ä', 300), string.Empty },
        { string.Empty, " given " },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void AddKeyHashes_GivesTheHashesOfTheKeyStrings(string family, string given)
    {
        var contact = Contact(
            email: "taro+x@example.jp",
            matchKey: "taro@example.jp",
            phone: "+81312345678",
            mobile: "+819012345678",
            family: family,
            given: given,
            source: new SourceRef(SourceSystem.Salesforce, "Lead", "00Q1")) with
        {
            Identities = [new SourceRef(SourceSystem.HubSpot, "contact", "ü1"), new SourceRef(SourceSystem.Salesforce, "Lead", "00Q1")],
        };

        var hashes = new List<(IdentityKeyKind Kind, ulong Hash)>();
        IdentityKeyHasher.AddKeyHashes(contact, null, hashes);

        Assert.Equal(IdentityKey.KeysOf(contact).Select(k => (k.Kind, k.Hash)), hashes);
    }

    [Fact]
    public void AddKeyHashes_ExplicitSourceKey_GivesItsHash()
    {
        var contact = Contact(source: Hs("1"));
        var hashes = new List<(IdentityKeyKind Kind, ulong Hash)>();
        IdentityKeyHasher.AddKeyHashes(contact, "expo.csv:42", hashes);

        Assert.Equal([(IdentityKeyKind.Source, new IdentityKey(IdentityKeyKind.Source, "expo.csv:42").Hash)], hashes);
    }
}

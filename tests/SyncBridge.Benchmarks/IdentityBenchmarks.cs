using System.Globalization;
using BenchmarkDotNet.Attributes;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;

namespace SyncBridge.Benchmarks;

/// <summary>
/// Identity resolution throughput: <see cref="IdentityGraph.Add(CanonicalContact)"/> of 100,000 normalized contacts
/// (about 10% duplicates that join through an email match key, a source id or a phone and name), then
/// <see cref="IdentityGraph.PersonIdOf"/> of every one. Reported per record (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class IdentityBenchmarks
{
    private const int Records = 100_000;
    private CanonicalContact[] _contacts = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261122);
        var contacts = new List<CanonicalContact>(Records);
        var originals = new List<CanonicalContact>();
        for (var i = 0; i < Records; i++)
        {
            if (originals.Count > 0 && random.Next(10) == 0)
            {
                var original = originals[random.Next(originals.Count)];
                contacts.Add((random.Next(3)) switch
                {
                    // Same person from another system: same email, its own source id.
                    0 => original with { Source = new SourceRef(SourceSystem.Salesforce, "Lead", "00Q" + i.ToString(CultureInfo.InvariantCulture)) },
                    // The same record seen again with a changed email: joins through the source id.
                    1 => original with { Email = Email("changed" + i.ToString(CultureInfo.InvariantCulture) + "@example.com") },
                    // A form fill without email: joins through phone and name.
                    _ => original with { Email = EmailAddress.Empty, Source = default },
                });
                continue;
            }

            var n = i.ToString(CultureInfo.InvariantCulture);
            var contact = new CanonicalContact
            {
                Source = new SourceRef(SourceSystem.HubSpot, "contact", n),
                Email = Email("person" + n + "@example.co.jp"),
                Phone = new PhoneNumber(string.Empty, "+8131" + (1_000_000 + i).ToString(CultureInfo.InvariantCulture), string.Empty, true),
                FamilyName = "Family" + (i % 5000).ToString(CultureInfo.InvariantCulture),
                GivenName = "Given" + (i % 77).ToString(CultureInfo.InvariantCulture),
            };
            originals.Add(contact);
            contacts.Add(contact);
        }

        _contacts = [.. contacts];
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public int AddThenPersonIdOf()
    {
        var graph = new IdentityGraph();
        foreach (var contact in _contacts)
        {
            graph.Add(contact);
        }

        var checksum = 0;
        for (var handle = 0; handle < graph.Count; handle++)
        {
            checksum ^= graph.PersonIdOf(handle).GetHashCode(StringComparison.Ordinal);
        }

        return checksum;
    }

    private static EmailAddress Email(string address) => new(address, address, true, address);
}

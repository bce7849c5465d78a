using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using static SyncBridge.Core.Tests.Identity.ContactBuilder;

namespace SyncBridge.Core.Tests.Identity;

/// <summary>
/// Random rows drawn from small pools of emails, sources, phones and names (so that they collide a lot), checked against
/// the contract's rules with an independent, naive reference for the email/source partition.
/// </summary>
public sealed class IdentityGraphRandomTests
{
    private static readonly string[] Emails = ["a@x.jp", "b@x.jp", "c@x.jp", "d@x.jp"];
    private static readonly string[] Phones = ["+81311111111", "+81322222222", "+81333333333"];
    private static readonly string[] Families = ["Ito", "Sato"];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Resolve_RandomRows_FollowsTheRulesInAnyOrder(int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, 24).Select(_ => RandomRow(random)).ToList();

        var ids = Resolve(rows, [.. Enumerable.Range(0, rows.Count)]);
        var keyless = Enumerable.Range(0, rows.Count).Where(i => IdentityKey.KeysOf(rows[i]).Count == 0).ToList();
        for (var round = 0; round < 5; round++)
        {
            var order = Enumerable.Range(0, rows.Count).ToArray();
            random.Shuffle(order);
            var shuffled = Resolve(rows, order);

            // Rows with keys keep their id; identical rows without keys are interchangeable, so only their set of ids is fixed.
            for (var i = 0; i < rows.Count; i++)
            {
                if (!keyless.Contains(i))
                {
                    Assert.True(ids[i] == shuffled[i], $"row {i} changed id with the order");
                }
            }

            Assert.Equal(keyless.Select(i => ids[i]).Order(), keyless.Select(i => shuffled[i]).Order());
        }

        var strong = StrongComponents(rows);
        for (var a = 0; a < rows.Count; a++)
        {
            for (var b = a + 1; b < rows.Count; b++)
            {
                if (strong[a] == strong[b])
                {
                    // Sharing an email match key or a source key (transitively): same person.
                    Assert.Equal(ids[a], ids[b]);
                }
                else if (ids[a] == ids[b])
                {
                    // Joined through phone and name only: never two rows with valid emails from different email/source groups.
                    Assert.False(rows[a].Email.IsValid && rows[b].Email.IsValid, $"rows {a} and {b} merge two emails through a phone");
                    Assert.NotEmpty(IdentityKey.KeysOf(rows[a]));
                }
            }

            if (IdentityKey.KeysOf(rows[a]).Count == 0)
            {
                Assert.Single(ids, id => id == ids[a]);
            }
        }
    }

    private static CanonicalContact RandomRow(Random random)
    {
        string? Pick(string[] pool, int percent) => random.Next(100) < percent ? pool[random.Next(pool.Length)] : null;
        var source = Pick(["1", "2", "3", "4", "5", "6"], 30);
        return Contact(
            email: Pick(Emails, 45),
            phone: Pick(Phones, 60),
            mobile: Pick(Phones, 15),
            family: Pick(Families, 80) ?? string.Empty,
            given: "Ken",
            source: source is null ? default : Hs(source));
    }

    /// <summary>A naive fixed-point grouping by shared email or source keys.</summary>
    private static int[] StrongComponents(List<CanonicalContact> rows)
    {
        var group = Enumerable.Range(0, rows.Count).ToArray();
        var strongKeys = rows.Select(r => IdentityKey.KeysOf(r).Where(k => k.Kind != IdentityKeyKind.PhoneName).ToHashSet()).ToList();
        bool changed;
        do
        {
            changed = false;
            for (var a = 0; a < rows.Count; a++)
            {
                for (var b = 0; b < rows.Count; b++)
                {
                    if (group[a] != group[b] && strongKeys[a].Overlaps(strongKeys[b]))
                    {
                        var (from, to) = (Math.Max(group[a], group[b]), Math.Min(group[a], group[b]));
                        for (var i = 0; i < group.Length; i++)
                        {
                            if (group[i] == from)
                            {
                                group[i] = to;
                            }
                        }

                        changed = true;
                    }
                }
            }
        }
        while (changed);

        return group;
    }

    private static string[] Resolve(List<CanonicalContact> rows, int[] order)
    {
        var graph = new IdentityGraph();
        var handles = new int[rows.Count];
        foreach (var row in order)
        {
            handles[row] = graph.Add(rows[row]);
        }

        return [.. Enumerable.Range(0, rows.Count).Select(row => graph.PersonIdOf(handles[row]))];
    }
}

using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;

namespace SyncBridge.Core.Tests.Identity;

public sealed class IdentityGraphPersonCountTests
{
    private static CanonicalContact WithEmail(string email) => new()
    {
        Email = new EmailAddress(email, email, true, email),
    };

    [Fact]
    public void PersonCount_DuplicatesAndDistinctRecords_CountsPersonsNotRecords()
    {
        var graph = new IdentityGraph();
        graph.Add(WithEmail("a@example.jp"));
        graph.Add(WithEmail("b@example.jp"));
        graph.Add(WithEmail("a@example.jp"));
        graph.Add(new CanonicalContact());

        Assert.Equal(3, graph.PersonCount());
        Assert.Equal(graph.Clusters().Count, graph.PersonCount());
    }

    [Fact]
    public void PersonCount_Empty_IsZero() => Assert.Equal(0, new IdentityGraph().PersonCount());
}

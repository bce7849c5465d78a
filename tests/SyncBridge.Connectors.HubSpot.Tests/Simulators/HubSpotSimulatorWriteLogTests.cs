using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Connectors.HubSpot.Sync;
using SyncBridge.Connectors.HubSpot.Tests.Fakes;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using SyncBridge.Simulators.HubSpot;

namespace SyncBridge.Connectors.HubSpot.Tests.Simulators;

/// <summary>The sink against the simulator: the marker round-trips, and the write log records every write in order.</summary>
public sealed class HubSpotSimulatorWriteLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SourceRef Target(long id) => new(SourceSystem.HubSpot, "contact", id.ToString(CultureInfo.InvariantCulture));

    private static ContactUpdate Update(long id, long version, string stage) =>
        new("person-" + id.ToString(CultureInfo.InvariantCulture), Target(id), new Dictionary<string, string> { ["lifecyclestage"] = stage }, version);

    private static async Task<(HubSpotSimulator Sim, HubSpotTestHost Host, FakeTimeProvider Clock)> StartAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 0, RequestsPer10Seconds = null, SearchRequestsPerSecond = null, TimeProvider = clock }, Ct);
        var host = HubSpotTestHost.Create(sim.BaseUrl);
        var bootstrapper = (HubSpotPropertyBootstrapper)host.Services.GetService(typeof(HubSpotPropertyBootstrapper))!;
        Assert.Contains(HubSpotPropertyBootstrapper.Version, await bootstrapper.EnsurePropertiesAsync(Ct));
        return (sim, host, clock);
    }

    [Fact]
    public async Task WriteThenReadVersions_ReturnsTheLastWrittenMarkerAndNothingForUntouchedContacts()
    {
        var (sim, host, _) = await StartAsync();
        await using var _sim = sim;
        using var _host = host;
        var ids = Enumerable.Range(0, 4).Select(i => sim.CreateContact(new Dictionary<string, string> { ["email"] = $"p{i}@example.org" })).ToList();

        var first = await host.Sink.WriteAsync([Update(ids[0], 1, "lead"), Update(ids[1], 1, "lead"), Update(ids[2], 4, "lead")], Ct);
        var second = await host.Sink.WriteAsync([Update(ids[2], 5, "marketingqualifiedlead")], Ct);
        var versions = await host.Sink.ReadVersionsAsync(ids.Select(Target).ToList(), Ct);

        Assert.All(first.Concat(second), result => Assert.Equal(WriteOutcome.Applied, result.Outcome));
        Assert.Equal(3, versions.Count);
        Assert.Equal(1, versions[Target(ids[0])]);
        Assert.Equal(1, versions[Target(ids[1])]);
        Assert.Equal(5, versions[Target(ids[2])]);
        Assert.False(versions.ContainsKey(Target(ids[3])));
        Assert.Equal("5", sim.GetContact(ids[2])!["syncbridge_version"]);
    }

    [Fact]
    public async Task Write_TwoUpdatesOfOneContact_WriteLogHoldsBothInOrderWithTimeAndProperties()
    {
        var (sim, host, clock) = await StartAsync();
        await using var _sim = sim;
        using var _host = host;
        var id = sim.CreateContact(new Dictionary<string, string> { ["email"] = "order@example.org" });
        var other = sim.CreateContact(new Dictionary<string, string> { ["email"] = "other@example.org" });

        await host.Sink.WriteAsync([Update(id, 1, "subscriber"), Update(other, 1, "lead")], Ct);
        clock.Advance(TimeSpan.FromSeconds(3));
        await host.Sink.WriteAsync([Update(id, 2, "lead")], Ct);
        var rejected = await host.Sink.WriteAsync([Update(id, 3, "subscriber")], Ct);

        Assert.Equal(WriteOutcome.Rejected, Assert.Single(rejected).Outcome);
        var log = sim.WriteLog.For(id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(2, log.Count);
        Assert.Equal(["1", "2"], log.Select(write => write.Values["syncbridge_version"]));
        Assert.Equal(["subscriber", "lead"], log.Select(write => write.Values["lifecyclestage"]));
        Assert.Equal([Start, Start.AddSeconds(3)], log.Select(write => write.At));
        Assert.True(log[0].Sequence < log[1].Sequence);
        Assert.All(log, write => Assert.Equal("contacts.batch.update", write.Endpoint));
        Assert.Single(sim.WriteLog.For(other.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(3, sim.WriteLog.All().Count);
        Assert.Equal(sim.WriteLog.All().Select(write => write.Sequence).Order(), sim.WriteLog.All().Select(write => write.Sequence));
    }

    [Fact]
    public async Task SimWritesEndpoint_ServesTheWriteLogAsJson()
    {
        var (sim, host, _) = await StartAsync();
        await using var _sim = sim;
        using var _host = host;
        var id = sim.CreateContact(new Dictionary<string, string> { ["email"] = "json@example.org" });
        var other = sim.CreateContact(new Dictionary<string, string> { ["email"] = "json2@example.org" });
        await host.Sink.WriteAsync([Update(id, 7, "lead"), Update(other, 8, "lead")], Ct);
        using var http = new HttpClient { BaseAddress = sim.BaseUrl };

        using var all = JsonDocument.Parse(await http.GetStringAsync(new Uri("/_sim/writes", UriKind.Relative), Ct));
        using var one = JsonDocument.Parse(await http.GetStringAsync(new Uri("/_sim/writes?id=" + id.ToString(CultureInfo.InvariantCulture), UriKind.Relative), Ct));

        Assert.Equal(2, all.RootElement.GetProperty("count").GetInt64());
        var write = Assert.Single(one.RootElement.GetProperty("records").GetProperty(id.ToString(CultureInfo.InvariantCulture)).EnumerateArray());
        Assert.Equal("7", write.GetProperty("values").GetProperty("syncbridge_version").GetString());
        Assert.Equal("lead", write.GetProperty("values").GetProperty("lifecyclestage").GetString());
        Assert.Equal("contacts.batch.update", write.GetProperty("endpoint").GetString());
        Assert.Equal(Start, write.GetProperty("at").GetDateTimeOffset());
        Assert.Single(one.RootElement.GetProperty("records").EnumerateObject());
    }

    [Fact]
    public async Task Write_BeforeBootstrap_IsRejectedBecauseTheMarkerPropertyIsMissing()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 0, RequestsPer10Seconds = null, SearchRequestsPerSecond = null }, Ct);
        using var host = HubSpotTestHost.Create(sim.BaseUrl);
        var id = sim.CreateContact(new Dictionary<string, string> { ["email"] = "early@example.org" });

        var result = Assert.Single(await host.Sink.WriteAsync([Update(id, 1, "lead")], Ct));

        Assert.Equal(WriteOutcome.Rejected, result.Outcome);
        Assert.Contains("syncbridge_version", result.Error, StringComparison.Ordinal);
        Assert.Empty(sim.WriteLog.For(id.ToString(CultureInfo.InvariantCulture)));
    }
}

using System.Net;
using Refit;
using SyncBridge.Connectors.HubSpot.Tests.Fakes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncBridge.Connectors.HubSpot.Tests.Http;

public sealed class HubSpotAuthHandlerTests : IDisposable
{
    private const string TokenPath = "/oauth/v1/token";
    private readonly WireMockServer _server = WireMockServer.Start();

    private Uri BaseUrl => new(_server.Urls[0]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    private void StubTokens(params string[] tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var stub = _server.Given(Request.Create().WithPath(TokenPath).UsingPost()).InScenario("tokens");
            stub = i == 0 ? stub : stub.WhenStateIs("t" + i);
            (i + 1 < tokens.Length ? stub.WillSetStateTo("t" + (i + 1)) : stub).RespondWith(Response.Create()
                .WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"token_type":"bearer","access_token":"{{tokens[i]}}","refresh_token":"rotated-{{i}}","expires_in":1800}"""));
        }
    }

    private HubSpotTestHost OAuthHost(TimeProvider? clock = null) => HubSpotTestHost.Create(BaseUrl, settings =>
    {
        settings["SyncBridge:HubSpot:AccessToken"] = null;
        settings["SyncBridge:HubSpot:OAuth:ClientId"] = "client";
        settings["SyncBridge:HubSpot:OAuth:ClientSecret"] = "secret";
        settings["SyncBridge:HubSpot:OAuth:RefreshToken"] = "refresh-0";
        settings["SyncBridge:HubSpot:OAuth:TokenUrl"] = new Uri(BaseUrl, TokenPath).ToString();
    }, clock);

    private int Calls(string path) => _server.LogEntries.Count(entry => entry.RequestMessage.Path == path);

    [Fact]
    public async Task Send_ExpiredToken_RefreshesOnceAndRetries()
    {
        StubTokens("expired", "fresh");
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath).WithHeader("Authorization", "Bearer expired"))
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"status":"error","message":"expired","category":"EXPIRED_AUTHENTICATION"}"""));
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath).WithHeader("Authorization", "Bearer fresh"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(HubSpotWire.Page([], null)));
        using var host = OAuthHost();

        var page = await host.Contacts.ListAsync(host.ObjectsPath, 10, null, ["email"], "false", Ct);

        Assert.Empty(page.Results!);
        Assert.Equal(2, Calls(TokenPath));
        Assert.Equal(2, Calls(HubSpotWire.ContactsPath));
        var secondRefresh = _server.LogEntries.Where(entry => entry.RequestMessage.Path == TokenPath).Last().RequestMessage.Body!;
        Assert.Contains("refresh_token=rotated-0", secondRefresh, StringComparison.Ordinal);
        Assert.Contains("grant_type=refresh_token", secondRefresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_StillUnauthorizedAfterRefresh_FailsWithoutLooping()
    {
        StubTokens("a", "b", "c");
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath))
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"status":"error","message":"nope"}"""));
        using var host = OAuthHost();

        var error = await Assert.ThrowsAsync<ApiException>(() => host.Contacts.ListAsync(host.ObjectsPath, 10, null, ["email"], "false", Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, Calls(TokenPath));
        Assert.Equal(2, Calls(HubSpotWire.ContactsPath));
    }

    [Fact]
    public async Task Send_StaticTokenRejected_DoesNotRetry()
    {
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath))
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"status":"error","message":"nope"}"""));
        using var host = HubSpotTestHost.Create(BaseUrl);

        var error = await Assert.ThrowsAsync<ApiException>(() => host.Contacts.ListAsync(host.ObjectsPath, 10, null, ["email"], "false", Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(1, Calls(HubSpotWire.ContactsPath));
        Assert.Equal(0, Calls(TokenPath));
    }

    [Fact]
    public async Task Send_TokenNearExpiry_RefreshesBeforeUsingIt()
    {
        StubTokens("first", "second");
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(HubSpotWire.Page([], null)));
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
        using var host = OAuthHost(clock);

        await host.Contacts.ListAsync(host.ObjectsPath, 10, null, ["email"], "false", Ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await host.Contacts.ListAsync(host.ObjectsPath, 10, null, ["email"], "false", Ct);
        clock.Advance(TimeSpan.FromMinutes(20));
        await host.Contacts.ListAsync(host.ObjectsPath, 10, null, ["email"], "false", Ct);

        var used = _server.LogEntries.Where(entry => entry.RequestMessage.Path == HubSpotWire.ContactsPath)
            .Select(entry => entry.RequestMessage.Headers!["Authorization"].Single()).ToList();
        Assert.Equal(["Bearer first", "Bearer first", "Bearer second"], used);
        Assert.Equal(2, Calls(TokenPath));
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Connectors.Salesforce.Api;
using SyncBridge.Connectors.Salesforce.Auth;
using SyncBridge.Connectors.Salesforce.Http;
using SyncBridge.Connectors.Salesforce.Tests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncBridge.Connectors.Salesforce.Tests.Auth;

public sealed class SalesforceAuthHandlerTests : IDisposable
{
    private const string TokenPath = "/services/oauth2/token";
    private const string VersionsPath = "/services/data/";
    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task GetVersions_TokenFromContract_CallsInstanceUrlWithItsBearerToken()
    {
        var token = ContractFiles.ReadNode(ContractFiles.AuthSuccess)["access_token"]!.GetValue<string>();
        StubToken(ContractFiles.TokenResponse(ContractFiles.AuthSuccess, _server.Url!));
        _server.Given(Request.Create().WithPath(VersionsPath).UsingGet().WithHeader("Authorization", "Bearer " + token))
            .RespondWith(Json(200, ContractFiles.Read(ContractFiles.Versions)));
        using var services = SalesforceTestServices.Build(_server.Url!);

        var versions = SalesforceResponses.Ensure(await services.GetRequiredService<ISalesforceApi>().GetVersionsAsync(TestContext.Current.CancellationToken));

        var expected = ContractFiles.ReadNode(ContractFiles.Versions).AsArray();
        Assert.Equal(expected.Count, versions.Count);
        Assert.Equal(expected[0]!["version"]!.GetValue<string>(), versions[0].Version);
        var form = TokenRequestBodies().Single();
        Assert.Contains("grant_type=client_credentials", form, StringComparison.Ordinal);
        Assert.Contains("client_id=syncbridge-simulator", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetVersions_TokenEndpointRefuses_ThrowsAuthenticationExceptionWithoutTheSecret()
    {
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost())
            .RespondWith(Json(400, ContractFiles.Read(ContractFiles.AuthError)));
        using var services = SalesforceTestServices.Build(_server.Url!);
        var api = services.GetRequiredService<ISalesforceApi>();

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(async () =>
            SalesforceResponses.Ensure(await api.GetVersionsAsync(TestContext.Current.CancellationToken)));

        Assert.Equal("invalid_grant", error.Error);
        Assert.DoesNotContain("simulator-secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.LogEntries, e => e.RequestMessage.Path == VersionsPath);
    }

    [Fact]
    public async Task GetVersions_SessionExpired_RenewsOnceAndRetriesTheRequest()
    {
        var first = ContractFiles.ReadNode(ContractFiles.AuthSuccess)["access_token"]!.GetValue<string>();
        var second = ContractFiles.ReadNode(ContractFiles.ReauthSuccess)["access_token"]!.GetValue<string>();
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost()).InScenario("token").WillSetStateTo("renewed")
            .RespondWith(Json(200, ContractFiles.TokenResponse(ContractFiles.AuthSuccess, _server.Url!)));
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost()).InScenario("token").WhenStateIs("renewed")
            .RespondWith(Json(200, ContractFiles.TokenResponse(ContractFiles.ReauthSuccess, _server.Url!)));
        _server.Given(Request.Create().WithPath(VersionsPath).UsingGet().WithHeader("Authorization", "Bearer " + first))
            .RespondWith(Json(401, ContractFiles.Read(ContractFiles.ExpiredSession)));
        _server.Given(Request.Create().WithPath(VersionsPath).UsingGet().WithHeader("Authorization", "Bearer " + second))
            .RespondWith(Json(200, ContractFiles.Read(ContractFiles.Versions)));
        using var services = SalesforceTestServices.Build(_server.Url!);
        var api = services.GetRequiredService<ISalesforceApi>();

        var versions = SalesforceResponses.Ensure(await api.GetVersionsAsync(TestContext.Current.CancellationToken));
        var again = SalesforceResponses.Ensure(await api.GetVersionsAsync(TestContext.Current.CancellationToken));

        Assert.NotEmpty(versions);
        Assert.Equal(versions.Count, again.Count);
        Assert.Equal(2, TokenRequestBodies().Count);
        Assert.Equal(3, _server.LogEntries.Count(e => e.RequestMessage.Path == VersionsPath));
    }

    [Fact]
    public async Task GetVersions_SessionInvalidEvenAfterRenewal_FailsWithoutLooping()
    {
        StubToken(ContractFiles.TokenResponse(ContractFiles.AuthSuccess, _server.Url!));
        _server.Given(Request.Create().WithPath(VersionsPath).UsingGet())
            .RespondWith(Json(401, ContractFiles.Read(ContractFiles.ExpiredSession)));
        using var services = SalesforceTestServices.Build(_server.Url!);
        var api = services.GetRequiredService<ISalesforceApi>();

        var error = await Assert.ThrowsAsync<SalesforceApiException>(async () =>
            SalesforceResponses.Ensure(await api.GetVersionsAsync(TestContext.Current.CancellationToken)));

        Assert.Equal("INVALID_SESSION_ID", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, TokenRequestBodies().Count);
        Assert.Equal(2, _server.LogEntries.Count(e => e.RequestMessage.Path == VersionsPath));
    }

    [Fact]
    public async Task GetVersions_ManyCallsSeeTheSameExpiredSession_OneRenewalServesThemAll()
    {
        var first = ContractFiles.ReadNode(ContractFiles.AuthSuccess)["access_token"]!.GetValue<string>();
        var second = ContractFiles.ReadNode(ContractFiles.ReauthSuccess)["access_token"]!.GetValue<string>();
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost()).InScenario("token").WillSetStateTo("renewed")
            .RespondWith(Json(200, ContractFiles.TokenResponse(ContractFiles.AuthSuccess, _server.Url!)));
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost()).InScenario("token").WhenStateIs("renewed")
            .RespondWith(Json(200, ContractFiles.TokenResponse(ContractFiles.ReauthSuccess, _server.Url!)));
        _server.Given(Request.Create().WithPath(VersionsPath).UsingGet().WithHeader("Authorization", "Bearer " + first))
            .RespondWith(Json(401, ContractFiles.Read(ContractFiles.ExpiredSession)).WithDelay(TimeSpan.FromMilliseconds(50)));
        _server.Given(Request.Create().WithPath(VersionsPath).UsingGet().WithHeader("Authorization", "Bearer " + second))
            .RespondWith(Json(200, ContractFiles.Read(ContractFiles.Versions)));
        using var services = SalesforceTestServices.Build(_server.Url!);
        var api = services.GetRequiredService<ISalesforceApi>();
        var sessions = services.GetRequiredService<SalesforceSessionProvider>();
        await sessions.GetSessionAsync(TestContext.Current.CancellationToken);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.GetVersionsAsync(TestContext.Current.CancellationToken)));

        Assert.All(results, r => Assert.True(r.IsSuccessStatusCode));
        Assert.Equal(2, TokenRequestBodies().Count);
    }

    [Fact]
    public async Task GetSession_LifetimePassed_RequestsANewSessionBeforeCalling()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
        StubToken(ContractFiles.TokenResponse(ContractFiles.AuthSuccess, _server.Url!));
        _server.Given(Request.Create().WithPath(VersionsPath).UsingGet())
            .RespondWith(Json(200, ContractFiles.Read(ContractFiles.Versions)));
        using var services = SalesforceTestServices.Build(_server.Url!, new Dictionary<string, string?> { ["SyncBridge:Salesforce:SessionLifetime"] = "01:00:00" }, time);
        var api = services.GetRequiredService<ISalesforceApi>();

        await api.GetVersionsAsync(TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMinutes(59));
        await api.GetVersionsAsync(TestContext.Current.CancellationToken);
        Assert.Single(TokenRequestBodies());
        time.Advance(TimeSpan.FromMinutes(2));
        await api.GetVersionsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, TokenRequestBodies().Count);
    }

    [Fact]
    public async Task GetVersions_JwtBearerFlow_PostsAnRs256AssertionSignedWithTheConfiguredKey()
    {
        using var rsa = RSA.Create(2048);
        var keyPath = Path.Combine(Path.GetTempPath(), $"sf-test-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyPath, rsa.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
        try
        {
            StubToken(ContractFiles.TokenResponse(ContractFiles.AuthSuccess, _server.Url!));
            _server.Given(Request.Create().WithPath(VersionsPath).UsingGet())
                .RespondWith(Json(200, ContractFiles.Read(ContractFiles.Versions)));
            using var services = SalesforceTestServices.Build(_server.Url!, new Dictionary<string, string?>
            {
                ["SyncBridge:Salesforce:Flow"] = "JwtBearer",
                ["SyncBridge:Salesforce:Username"] = "integration@example.com",
                ["SyncBridge:Salesforce:PrivateKeyPath"] = keyPath,
            });

            await services.GetRequiredService<ISalesforceApi>().GetVersionsAsync(TestContext.Current.CancellationToken);

            var form = System.Web.HttpUtility.ParseQueryString(TokenRequestBodies().Single());
            Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", form["grant_type"]);
            var parts = form["assertion"]!.Split('.');
            Assert.Equal(3, parts.Length);
            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            Assert.True(rsa.VerifyData(signed, System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            using var claims = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
            Assert.Equal("syncbridge-simulator", claims.RootElement.GetProperty("iss").GetString());
            Assert.Equal("integration@example.com", claims.RootElement.GetProperty("sub").GetString());
            Assert.Equal(new Uri(_server.Url!).GetLeftPart(UriPartial.Authority), claims.RootElement.GetProperty("aud").GetString());
            using var header = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0]));
            Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        }
        finally
        {
            File.Delete(keyPath);
        }
    }

    [Fact]
    public async Task GetVersions_RefreshTokenFlow_SendsTheRefreshGrantAndUsesTheRefreshedToken()
    {
        var refreshed = ContractFiles.ReadNode(ContractFiles.RefreshSuccess)["access_token"]!.GetValue<string>();
        StubToken(ContractFiles.TokenResponse(ContractFiles.RefreshSuccess, _server.Url!));
        _server.Given(Request.Create().WithPath(VersionsPath).UsingGet().WithHeader("Authorization", "Bearer " + refreshed))
            .RespondWith(Json(200, ContractFiles.Read(ContractFiles.Versions)));
        using var services = SalesforceTestServices.Build(_server.Url!, new Dictionary<string, string?>
        {
            ["SyncBridge:Salesforce:Flow"] = "RefreshToken",
            ["SyncBridge:Salesforce:RefreshToken"] = "stored-refresh-token",
        });

        var response = await services.GetRequiredService<ISalesforceApi>().GetVersionsAsync(TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
        var form = System.Web.HttpUtility.ParseQueryString(TokenRequestBodies().Single());
        Assert.Equal("refresh_token", form["grant_type"]);
        Assert.Equal("stored-refresh-token", form["refresh_token"]);
    }

    [Fact]
    public async Task GetVersions_RefreshTokenExpired_ThrowsAuthenticationException()
    {
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost())
            .RespondWith(Json(400, ContractFiles.Read(ContractFiles.RefreshError)));
        using var services = SalesforceTestServices.Build(_server.Url!, new Dictionary<string, string?>
        {
            ["SyncBridge:Salesforce:Flow"] = "RefreshToken",
            ["SyncBridge:Salesforce:RefreshToken"] = "stored-refresh-token",
        });
        var api = services.GetRequiredService<ISalesforceApi>();

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(async () =>
            SalesforceResponses.Ensure(await api.GetVersionsAsync(TestContext.Current.CancellationToken)));

        Assert.Equal("invalid_grant", error.Error);
        Assert.Contains("expired access/refresh token", error.Message, StringComparison.Ordinal);
    }

    private void StubToken(string body) =>
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost().WithHeader("Content-Type", new WildcardMatcher("application/x-www-form-urlencoded*")))
            .RespondWith(Json(200, body));

    private List<string> TokenRequestBodies() =>
        _server.LogEntries.Where(e => e.RequestMessage.Path == TokenPath).Select(e => e.RequestMessage.Body ?? string.Empty).ToList();

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
}
